"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { format } from "@/lib/i18n/locales";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url";
import { fieldErrors, loginSchema, type FieldErrors } from "@/lib/auth/schemas";

export function LoginForm({ callbackUrl = "/" }: { callbackUrl?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = loginSchema.safeParse(values);
    setFormError(null);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    startTransition(async () => {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(safeCallbackPath(callbackUrl, window.location.origin));
        router.refresh();
        return;
      }
      const throttled = result?.error?.match(/^THROTTLED:(\d+)$/);
      if (throttled) setFormError(format(t.login.throttled, { minutes: throttled[1] }));
      else if (result?.error === "CredentialsSignin") setFormError(t.login.invalid);
      else setFormError(t.login.failed);
    });
  }

  const message = (key?: string) => (key ? (t.errors as Record<string, string>)[key] ?? t.errors.generic : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={t.login.email} name="email" type="email" autoComplete="username" required error={message(errors.email)} />
      <Field label={t.login.password} name="password" type="password" autoComplete="current-password" required error={message(errors.password)} />
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t.login.submitting : t.login.submit}
      </Button>
    </form>
  );
}
