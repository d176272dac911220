"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { inviteUserAction } from "@/app/(dashboard)/users/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { FieldErrors } from "@/lib/auth/schemas";
import { format } from "@/lib/i18n/locales";
import { OneTimeSecret } from "./one-time-secret";

export function InviteUserForm() {
  const { t } = useI18n();
  const u = t.admin.users;
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [mode, setMode] = useState<"generate" | "custom">("generate");
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string | null } | null>(null);
  const [pending, startTransition] = useTransition();
  const message = (key?: string) => (key ? ((u.errors as Record<string, string>)[key] ?? (t.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await inviteUserAction(form);
      if (!result.ok) return setErrors(result.errors ?? { form: result.error ?? "generic" });
      setErrors({});
      setCreated({ email: result.email ?? "", temporaryPassword: result.temporaryPassword ?? null });
      formRef.current?.reset();
      setMode("generate");
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={u.invite} data-testid="invite-user-form" className="grid items-start gap-3 sm:grid-cols-3">
        <Field label={u.fields.email} name="email" type="email" autoComplete="off" required error={message(errors.email)} />
        <Field label={u.fields.name} name="name" autoComplete="off" error={message(errors.name)} />
        <SelectField label={u.fields.role} name="role" defaultValue="viewer" options={[{ value: "viewer", label: t.roles.viewer }, { value: "admin", label: t.roles.admin }]} error={message(errors.role)} />
        <fieldset className="space-y-2 sm:col-span-3">
          <legend className="text-sm font-medium text-slate-700">{u.fields.passwordMode}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {(["generate", "custom"] as const).map((value) => (
              <label key={value} className="inline-flex items-center gap-2">
                <input type="radio" name="passwordMode" value={value} checked={mode === value} onChange={() => setMode(value)} className="accent-brand-600" />
                {u.fields[value]}
              </label>
            ))}
          </div>
          {mode === "custom" ? (
            <div className="max-w-sm">
              <Field label={u.fields.password} name="password" type="password" autoComplete="new-password" required hint={u.fields.passwordHint} error={message(errors.password)} />
            </div>
          ) : null}
        </fieldset>
        {errors.form ? <p role="alert" className="text-sm text-red-600 sm:col-span-3">{message(errors.form)}</p> : null}
        <div className="sm:col-span-3">
          <Button type="submit" disabled={pending}>{pending ? u.inviting : u.invite}</Button>
        </div>
      </form>
      {created && !created.temporaryPassword ? <p role="status" className="text-sm text-brand-700">{format(u.created, { email: created.email })}</p> : null}
      {created?.temporaryPassword ? (
        <OneTimeSecret title={format(u.tempPassword, { email: created.email })} value={created.temporaryPassword} onDismiss={() => setCreated(null)} />
      ) : null}
    </div>
  );
}
