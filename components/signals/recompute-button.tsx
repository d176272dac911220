"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { recomputeSignalsAction } from "@/app/(dashboard)/signals/actions";
import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";

/** 立即重新计算: recomputes the account's signals from the ledger now instead of at the next tick. */
export function RecomputeSignalsButton() {
  const { t, locale } = useI18n();
  const s = t.signals;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [flagged, setFlagged] = useState<number | null>(null);
  const run = () =>
    start(async () => {
      setFlagged((await recomputeSignalsAction()).flagged);
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={run} disabled={pending} data-testid="signals-recompute"
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? s.recomputing : s.recompute}
      </button>
      {flagged !== null && !pending ? <p role="status" className="text-sm text-slate-600" data-testid="signals-recomputed">{format(s.recomputed, { count: flagged }, locale)}</p> : null}
    </div>
  );
}
