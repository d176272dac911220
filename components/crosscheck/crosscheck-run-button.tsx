"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runCrosscheckAction, type CrosscheckActionResult } from "@/app/(dashboard)/crosscheck/actions";
import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";

/** 立即从微信获取: fetches the shown range from WeChat now; the page then shows the figures (or WeChat's error). */
export function CrosscheckRunButton({ from, to }: { from: string; to: string }) {
  const { t, locale } = useI18n();
  const c = t.crosscheck;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<CrosscheckActionResult | null>(null);
  const run = () =>
    start(async () => {
      const form = new FormData();
      form.set("from", from);
      form.set("to", to);
      setResult(await runCrosscheckAction(form));
      router.refresh();
    });
  const message = !result ? null
    : result.ok ? (result.fetched ? format(c.ran, { count: result.days }, locale) : c.ranNothing)
    : result.invalid ? c.rangeInvalid
    : format(c.errorTitle, { errcode: result.errcode });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={run} disabled={pending} data-testid="crosscheck-run"
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? c.running : c.run}
      </button>
      {message ? <p role="status" className="text-sm text-slate-600" data-testid="crosscheck-run-result">{message}</p> : null}
    </div>
  );
}
