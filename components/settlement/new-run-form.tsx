"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { lockSettlementAction, previewSettlementAction, type PreviewResult } from "@/app/(dashboard)/settlements/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { format } from "@/lib/i18n/locales";
import { formatFen } from "@/lib/settlement/money";
import { LinesTable } from "./lines-table";

type Preview = Extract<PreviewResult, { ok: true }> & { fromDay: string; toDay: string };

/** Picks a period, previews what it would settle, then locks it (and opens the run). */
export function NewRunForm({ fromDay, toDay }: { fromDay: string; toDay: string }) {
  const { t, locale } = useI18n();
  const l = t.settlement;
  const router = useRouter();
  const [period, setPeriod] = useState({ fromDay, toDay });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fail = (result: { error: string; params?: Record<string, string | number> }) =>
    setError(format((l.errors as Record<string, string>)[result.error] ?? t.errors.generic, result.params ?? {}, locale));
  const formOf = () => {
    const form = new FormData();
    form.set("fromDay", period.fromDay);
    form.set("toDay", period.toDay);
    return form;
  };
  function onPreview(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await previewSettlementAction(formOf());
      if (!result.ok) return (setPreview(null), fail(result));
      setError(null);
      setPreview({ ...result, ...period });
    });
  }
  function onLock() {
    if (!preview || !window.confirm(format(l.lockConfirm, period, locale))) return;
    startTransition(async () => {
      const result = await lockSettlementAction(formOf());
      if (!result.ok) return fail(result);
      router.push(`/settlements/${result.id}`);
    });
  }
  const change = (key: "fromDay" | "toDay") => (e: React.ChangeEvent<HTMLInputElement>) => {
    setPeriod((p) => ({ ...p, [key]: e.target.value }));
    setPreview(null);
  };
  return (
    <div className="space-y-3">
      <form onSubmit={onPreview} noValidate className="flex flex-wrap items-start gap-3" data-testid="new-run-form" aria-label={l.newRunTitle}>
        <div className="w-44"><Field label={l.fromDay} name="fromDay" type="date" required value={period.fromDay} onChange={change("fromDay")} /></div>
        <div className="w-44"><Field label={l.toDay} name="toDay" type="date" required value={period.toDay} onChange={change("toDay")} /></div>
        <Button type="submit" variant="secondary" disabled={pending} className="mt-6" data-testid="preview-run">{pending ? l.previewing : l.preview}</Button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-700" data-testid="run-error">{error}</p> : null}
      {preview ? (
        <div className="space-y-3" data-testid="run-preview">
          <h3 className="font-medium">{format(l.previewTitle, { fromDay: preview.fromDay, toDay: preview.toDay }, locale)}</h3>
          <p className="text-sm text-slate-700" data-testid="preview-totals">
            {format(l.totals, { qualified: preview.totals.qualified, total: formatFen(preview.totals.totalFen, locale), adjustment: formatFen(preview.totals.adjustmentFen, locale) }, locale)}
          </p>
          {preview.lines.length ? <LinesTable lines={preview.lines} t={t} locale={locale} testId="preview-lines" /> : <p className="text-sm text-slate-600">{l.previewEmpty}</p>}
          {preview.more ? <p className="text-xs text-slate-500">+{preview.more.toLocaleString(locale)}</p> : null}
          <Button type="button" onClick={onLock} disabled={pending} data-testid="lock-run">{pending ? l.locking : l.lock}</Button>
        </div>
      ) : null}
    </div>
  );
}
