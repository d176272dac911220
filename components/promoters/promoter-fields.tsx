"use client";

import { useI18n } from "@/components/i18n-provider";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/auth/schemas";

/** Name, phone and note inputs shared by the create and edit forms. */
type Values = { name: string; phone: string | null; note: string | null; welcomeText: string | null };

export function PromoterFields({ errors, values, withWelcome = false }: { errors: FieldErrors; values?: Values; withWelcome?: boolean }) {
  const { t } = useI18n();
  const p = t.promoters;
  const message = (key?: string) => (key ? ((p.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  return (
    <>
      <Field label={p.fields.name} name="name" required defaultValue={values?.name} error={message(errors.name)} />
      <Field label={p.fields.phone} name="phone" type="tel" inputMode="tel" defaultValue={values?.phone ?? ""} error={message(errors.phone)} />
      <Field label={p.fields.note} name="note" defaultValue={values?.note ?? ""} error={message(errors.note)} />
      {withWelcome ? <Field label={p.fields.welcomeText} name="welcomeText" defaultValue={values?.welcomeText ?? ""} error={message(errors.welcomeText)} /> : null}
      {errors.form ? <p role="alert" className="text-sm text-red-600 sm:col-span-full">{message(errors.form)}</p> : null}
    </>
  );
}
