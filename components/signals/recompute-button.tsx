"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { recomputeSignalsAction } from "@/app/(dashboard)/signals/actions";
import { useI18n } from "@/components/i18n-provider";

const POLL_MS = 2000;

/**
 * 立即重新计算: asks for the account's recomputation instead of waiting for the next tick. While one
 * is pending (`pending` from the server) the page refreshes itself until the new figures are there.
 */
export function RecomputeSignalsButton({ pending: requested }: { pending: boolean }) {
  const { t } = useI18n();
  const s = t.signals;
  const router = useRouter();
  const [pending, start] = useTransition();
  useEffect(() => {
    if (!requested) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [requested, router]);
  const run = () =>
    start(async () => {
      await recomputeSignalsAction();
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={run} disabled={pending || requested} data-testid="signals-recompute"
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending || requested ? s.recomputing : s.recompute}
      </button>
      {requested ? <p role="status" className="text-sm text-slate-600" data-testid="signals-requested">{s.requested}</p> : null}
    </div>
  );
}
