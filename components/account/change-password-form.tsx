"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { changeOwnPasswordAction } from "@/app/account/password/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/use-form-action";

/** Current + new password. The change ends every session, so the form signs in again with the new one. */
export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useI18n();
  const a = t.account;
  const router = useRouter();
  const { errors, pending, onSubmit } = useFormAction(changeOwnPasswordAction, async (result, form) => {
    const again = await signIn("credentials", { email: result.email, password: String(form.get("password")), redirect: false });
    router.replace(again?.ok && !again.error ? "/" : "/login");
    router.refresh();
  });
  const message = (key?: string) => (key ? ((t.errors as Record<string, string>)[key] ?? (a.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={a.title} data-testid="change-password-form" className="space-y-4">
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field label={a.fields.currentPassword} name="currentPassword" type="password" autoComplete="current-password" required error={message(errors.currentPassword)} />
      <Field label={a.fields.password} name="password" type="password" autoComplete="new-password" required hint={a.fields.passwordHint} error={message(errors.password)} />
      <Field label={a.fields.confirmPassword} name="confirmPassword" type="password" autoComplete="new-password" required error={message(errors.confirmPassword)} />
      {errors.form ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{message(errors.form)}</p> : null}
      <Button type="submit" disabled={pending} className="w-full">{pending ? a.submitting : a.submit}</Button>
    </form>
  );
}
