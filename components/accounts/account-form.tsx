"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveAccountAction } from "@/app/(dashboard)/settings/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";
import { format } from "@/lib/i18n/locales";
import type { AccountSettings } from "@/lib/accounts/get-account-settings";
import { SecretField } from "./secret-field";

/**
 * The account form. It never receives a secret: on edit, admins see masks (account.secrets) and
 * replace a secret by typing or generating a new one; viewers (readOnly) see no secret fields at all.
 */
export function AccountForm({ account, readOnly = false }: { account: AccountSettings | null; readOnly?: boolean }) {
  const { t } = useI18n();
  const a = t.accounts;
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { errors, pending, onSubmit } = useFormAction(
    (form: FormData) => {
      setSaved(false);
      return saveAccountAction(account?.id ?? null, form);
    },
    () => {
      setSaved(true);
      router.replace("/settings");
      router.refresh();
    },
  );
  const message = (key?: string) => (key ? ((a.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  const masks = account?.secrets;
  const tokenStored = masks?.token.set ? format(a.fields.secretStored, { length: masks.token.length }) : undefined;
  const keyStored = masks?.encodingAesKey.set ? format(a.fields.keyStored, { last4: masks.encodingAesKey.last4 ?? "" }) : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={account ? a.edit : a.add}>
      <fieldset disabled={readOnly || pending} className="contents">
        <Field label={a.fields.name} name="name" defaultValue={account?.name} required error={message(errors.name)} />
        <Field label={a.fields.appId} name="appId" defaultValue={account?.appId} required autoComplete="off" spellCheck={false} error={message(errors.appId)} />
        {masks?.unreadable.length ? <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-800 sm:col-span-2">{a.errors.secretUnreadable}</p> : null}
        {!readOnly ? (
          <>
            <Field
              label={a.fields.appSecret}
              name="appSecret"
              type="password"
              autoComplete="new-password"
              required={!account}
              placeholder={account ? "••••••••••••••••" : undefined}
              hint={account ? a.fields.appSecretKeep : undefined}
              error={message(errors.appSecret)}
            />
            <SecretField label={a.fields.token} name="token" length={32} required={!account} storedHint={tokenStored} error={message(errors.token)} />
            <SecretField label={a.fields.encodingAesKey} name="encodingAesKey" length={43} storedHint={keyStored} hint={a.fields.encodingAesKeyHint} error={message(errors.encodingAesKey)} />
          </>
        ) : null}
        <div className="space-y-1">
          <SelectField
            label={a.fields.mode}
            name="mode"
            defaultValue={account?.mode ?? "plain"}
            options={(["plain", "compatible", "safe"] as const).map((m) => ({ value: m, label: a.modes[m] }))}
            error={message(errors.mode)}
          />
          <p className="text-xs text-slate-500">{a.fields.modeHint}</p>
        </div>
        <Field label={a.fields.timezone} name="timezone" defaultValue={account?.timezone ?? "Asia/Shanghai"} error={message(errors.timezone)} />
        {masks?.encodingAesKey.set ? (
          <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
            <input type="checkbox" name="clearEncodingAesKey" className="h-4 w-4 rounded border-slate-300" />
            {a.fields.clearKey}
          </label>
        ) : null}
        <div className="sm:col-span-2">
          <Field label={a.fields.welcomeText} name="welcomeText" defaultValue={account?.welcomeText ?? ""} hint={a.fields.welcomeTextHint} error={message(errors.welcomeText)} />
        </div>
        <div className="flex items-end gap-3 sm:col-span-2">
          {!readOnly ? <Button type="submit">{pending ? a.saving : a.save}</Button> : null}
          {saved ? <p role="status" className="text-sm text-brand-700">{a.saved}</p> : null}
        </div>
      </fieldset>
    </form>
  );
}
