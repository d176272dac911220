"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { setupAction } from "@/app/setup/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/use-form-action";

export function SetupForm() {
  const { t } = useI18n();
  const router = useRouter();
  const { errors, pending, onSubmit } = useFormAction(setupAction, async (_result, form) => {
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    router.replace("/");
    router.refresh();
  });

  const message = (key?: string) =>
    key === "alreadyDone"
      ? t.setup.alreadyDone
      : key
        ? ((t.security as Record<string, string>)[key] ?? (t.errors as Record<string, string>)[key] ?? t.errors.generic)
        : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={t.security.setupCode} name="setupCode" autoComplete="one-time-code" spellCheck={false} required hint={t.security.setupCodeHint} error={message(errors.setupCode)} />
      <Field label={t.setup.name} name="name" autoComplete="name" error={message(errors.name)} />
      <Field label={t.setup.email} name="email" type="email" autoComplete="username" required error={message(errors.email)} />
      <Field label={t.setup.password} name="password" type="password" autoComplete="new-password" required hint={t.setup.passwordHint} error={message(errors.password)} />
      <Field label={t.setup.confirmPassword} name="confirmPassword" type="password" autoComplete="new-password" required error={message(errors.confirmPassword)} />
      {errors.form ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{message(errors.form)}</p> : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t.setup.submitting : t.setup.submit}
      </Button>
    </form>
  );
}
