"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setupAction } from "@/app/setup/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/auth/schemas";

export function SetupForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await setupAction(form);
      if (!result.ok) return setErrors(result.errors);
      setErrors({});
      await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
      router.replace("/");
      router.refresh();
    });
  }

  const message = (key?: string) =>
    key === "alreadyDone" ? t.setup.alreadyDone : key ? ((t.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
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
