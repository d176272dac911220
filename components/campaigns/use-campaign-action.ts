"use client";

import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n-provider";
import type { FieldErrors } from "@/lib/auth/schemas";
import { format } from "@/lib/i18n/locales";

type Result = { ok: true } | { ok: false; errors: FieldErrors; params?: Record<string, string | number> };

/**
 * Like useFormAction, for the campaign forms: their refusals carry parameters (the overlapping
 * campaign, the day temporary codes become possible), so the messages are formatted here.
 */
export function useCampaignAction<R extends Result>(action: (form: FormData) => Promise<R>, onSuccess: (result: Extract<R, { ok: true }>, element: HTMLFormElement) => void, timeZone?: string) {
  const { t, locale } = useI18n();
  const [failure, setFailure] = useState<Extract<R, { ok: false }> | null>(null);
  const [pending, startTransition] = useTransition();
  const message = (field: string) => {
    const key = failure?.errors[field];
    if (!key) return undefined;
    const params = { ...failure.params };
    if (typeof params.from === "string" && params.from.includes("T")) params.from = new Date(params.from).toLocaleString(locale, { timeZone, dateStyle: "medium", timeStyle: "short" });
    return format((t.campaigns.errors as Record<string, string>)[key] ?? t.errors.generic, params, locale);
  };
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) form.set(submitter.name, submitter.value);
    startTransition(async () => {
      const result = await action(form);
      if (!result.ok) return setFailure(result as Extract<R, { ok: false }>);
      setFailure(null);
      onSuccess(result as Extract<R, { ok: true }>, element);
    });
  }
  return { message, failed: failure !== null, pending, onSubmit };
}
