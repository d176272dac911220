"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveForwardingAction } from "@/app/(dashboard)/settings/forward-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/use-form-action";
import type { ForwardSettings } from "@/lib/forward/get-forward-settings";
import { format } from "@/lib/i18n/locales";

/** The 消息转发 form: the upstream's URL and, when they differ from the account's, its Token and key (write-only). */
export function ForwardForm({ accountId, settings }: { accountId: string; settings: ForwardSettings }) {
  const { t } = useI18n();
  const f = t.forward;
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { errors, pending, onSubmit } = useFormAction(
    (form: FormData) => (setSaved(false), saveForwardingAction(accountId, form)),
    // The form stays mounted across the refresh (its "saved" status with it); the secrets typed are
    // cleared here instead, as the stored ones are shown only as masks.
    (_result, _form, element) => {
      for (const input of element.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = "";
      setSaved(true);
      router.refresh();
    },
  );
  const message = (key?: string) => (key ? ((f.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  const stored = (mask: ForwardSettings["token"]) => (mask.set ? format(f.fields.stored, { length: mask.length }) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={f.title}>
      <fieldset disabled={pending} className="contents">
        <div className="sm:col-span-2">
          <Field label={f.fields.url} name="forwardUrl" type="url" defaultValue={settings.forwardUrl ?? ""} hint={f.fields.urlHint} autoComplete="off" spellCheck={false} error={message(errors.forwardUrl)} />
        </div>
        <Field label={f.fields.token} name="forwardToken" type="password" autoComplete="new-password" hint={stored(settings.token) ?? f.fields.tokenHint} error={message(errors.forwardToken)} />
        <Field label={f.fields.aesKey} name="forwardAesKey" type="password" autoComplete="new-password" hint={stored(settings.aesKey) ?? f.fields.aesKeyHint} error={message(errors.forwardAesKey)} />
        {settings.token.set ? (
          <label className="flex items-center gap-2 text-sm text-slate-700"><input type="checkbox" name="clearForwardToken" className="h-4 w-4" />{f.fields.clearToken}</label>
        ) : null}
        {settings.aesKey.set ? (
          <label className="flex items-center gap-2 text-sm text-slate-700"><input type="checkbox" name="clearForwardAesKey" className="h-4 w-4" />{f.fields.clearAesKey}</label>
        ) : null}
        <Field label={f.fields.timeout} name="forwardTimeoutMs" type="number" min={500} max={3500} step={100} defaultValue={settings.forwardTimeoutMs} hint={f.fields.timeoutHint} error={message(errors.forwardTimeoutMs)} />
        <div className="flex items-end gap-3 sm:col-span-2">
          <Button type="submit">{pending ? f.saving : f.save}</Button>
          {saved ? <span role="status" className="text-sm text-green-700">{f.saved}</span> : null}
        </div>
      </fieldset>
    </form>
  );
}
