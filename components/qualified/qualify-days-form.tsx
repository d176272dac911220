"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveQualifyDaysAction } from "@/app/(dashboard)/settings/qualify-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/use-form-action";
import { format } from "@/lib/i18n/locales";

/** The N of 有效关注 (1–90 days); read-only for viewers. */
export function QualifyDaysForm({ accountId, qualifyDays, readOnly }: { accountId: string; qualifyDays: number; readOnly: boolean }) {
  const { t } = useI18n();
  const s = t.qualified.settings;
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const { errors, pending, onSubmit } = useFormAction(
    (form: FormData) => (setStatus(null), saveQualifyDaysAction(accountId, form)),
    (result) => (setStatus(result.changed ? format(s.saved, { days: result.qualifyDays }) : s.unchanged), router.refresh()),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label={s.title} data-testid="qualify-days-form">
      <fieldset disabled={pending || readOnly} className="contents">
        <div className="w-44">
          <Field label={s.days} name="qualifyDays" type="number" min={1} max={90} step={1} required defaultValue={qualifyDays} error={errors.qualifyDays ? s.invalid : undefined} />
        </div>
        {readOnly ? null : <Button type="submit">{s.save}</Button>}
      </fieldset>
      {status ? <p role="status" className="w-full text-sm text-green-700" data-testid="qualify-saved">{status}</p> : null}
    </form>
  );
}
