"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveSignalSettingsAction } from "@/app/(dashboard)/settings/signal-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/use-form-action";
import type { SignalThresholds } from "@/lib/signals/signal-settings";

const FIELDS = [
  ["quickUnfollowPct", "quickUnfollowPctHint", 1, 100],
  ["minSample", "minSampleHint", 1, 100_000],
  ["burstPerMinute", "burstPerMinuteHint", 1, 10_000],
  ["nightPct", "nightPctHint", 1, 100],
  ["nightStartHour", "nightHint", 0, 23],
  ["nightEndHour", "nightHint", 0, 23],
] as const;

/** The 防刷 thresholds form (admins); saving recomputes the account's signals. */
export function SignalSettingsForm({ accountId, thresholds, readOnly }: { accountId: string; thresholds: SignalThresholds; readOnly: boolean }) {
  const { t } = useI18n();
  const s = t.signals.settings;
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { errors, pending, onSubmit } = useFormAction(
    (form: FormData) => (setSaved(false), saveSignalSettingsAction(accountId, form)),
    () => (setSaved(true), router.refresh()),
  );
  const message = (key?: string) => (key ? ((t.signals.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={s.title} data-testid="signal-settings-form">
      <fieldset disabled={pending || readOnly} className="contents">
        {FIELDS.map(([name, hint, min, max]) => (
          <Field key={name} label={s[name]} name={name} type="number" min={min} max={max} step={1} defaultValue={thresholds[name]} hint={s[hint]} error={message(errors[name])} />
        ))}
        {readOnly ? null : (
          <div className="flex items-end gap-3 sm:col-span-2">
            <Button type="submit">{pending ? s.saving : s.save}</Button>
            {saved ? <span role="status" className="text-sm text-green-700" data-testid="signal-settings-saved">{s.saved}</span> : null}
          </div>
        )}
      </fieldset>
    </form>
  );
}
