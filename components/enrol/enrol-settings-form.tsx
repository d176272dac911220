"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveEnrolSettingsAction } from "@/app/(dashboard)/settings/enrol-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/use-form-action";
import { AUTO_APPROVE_LIMIT, DEFAULT_ENROL_KEYWORD, DEFAULT_STATS_KEYWORD } from "@/lib/enrol/enrol-schema";
import type { EnrolSettings } from "@/lib/enrol/save-enrol-settings";

const Toggle = ({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) => (
  <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
    <input type="checkbox" name={name} defaultChecked={defaultChecked} className="h-4 w-4" />
    {label}
  </label>
);

/** The enrol keyword, automatic approval and its daily limit, the reply texts, and the 我的数据 keyword. */
export function EnrolSettingsForm({ accountId, settings }: { accountId: string; settings: EnrolSettings }) {
  const { t } = useI18n();
  const s = t.enrol.settings;
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { errors, pending, onSubmit } = useFormAction(
    (form: FormData) => (setSaved(false), saveEnrolSettingsAction(accountId, form)),
    () => (setSaved(true), router.refresh()),
  );
  const message = (key?: string) => (key ? ((s.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={s.title}>
      <fieldset disabled={pending} className="contents">
        <Toggle name="enrolOn" label={s.enrolOn} defaultChecked={settings.enrolKeyword !== null} />
        <Field label={s.enrolKeyword} name="enrolKeyword" defaultValue={settings.enrolKeyword ?? DEFAULT_ENROL_KEYWORD} hint={s.enrolKeywordHint} maxLength={20} error={message(errors.enrolKeyword)} />
        <div className="space-y-3">
          <label className="flex items-center gap-2 pt-6 text-sm text-slate-700">
            <input type="checkbox" name="autoApprove" defaultChecked={settings.autoApprove} className="h-4 w-4" />
            {s.autoApprove}
          </label>
        </div>
        <Field label={s.autoApproveDailyLimit} name="autoApproveDailyLimit" type="number" min={AUTO_APPROVE_LIMIT.min} max={AUTO_APPROVE_LIMIT.max} defaultValue={settings.autoApproveDailyLimit} hint={s.autoApproveHint} error={message(errors.autoApproveDailyLimit)} />
        <Field label={s.receivedText} name="receivedText" defaultValue={settings.receivedText ?? ""} hint={s.receivedTextHint} maxLength={300} error={message(errors.receivedText)} />
        <Field label={s.approvedText} name="approvedText" defaultValue={settings.approvedText ?? ""} hint={s.approvedTextHint} maxLength={300} error={message(errors.approvedText)} />
        <Toggle name="statsOn" label={s.statsOn} defaultChecked={settings.statsKeyword !== null} />
        <Field label={s.statsKeyword} name="statsKeyword" defaultValue={settings.statsKeyword ?? DEFAULT_STATS_KEYWORD} maxLength={20} error={message(errors.statsKeyword)} />
        <div className="flex items-end gap-3 sm:col-span-2">
          <Button type="submit">{pending ? s.saving : s.save}</Button>
          {saved ? <span role="status" className="text-sm text-green-700">{s.saved}</span> : null}
        </div>
      </fieldset>
    </form>
  );
}
