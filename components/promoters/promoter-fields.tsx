"use client";

import { useI18n } from "@/components/i18n-provider";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/auth/schemas";

/** Name, phone and note inputs shared by the create and edit forms. */
export function PromoterFields({ errors, values }: { errors: FieldErrors; values?: { name: string; phone: string | null; note: string | null } }) {
  const { t } = useI18n();
  const p = t.promoters;
  const message = (key?: string) => (key ? ((p.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  return (
    <>
      <Field label={p.fields.name} name="name" required defaultValue={values?.name} error={message(errors.name)} />
      <Field label={p.fields.phone} name="phone" type="tel" inputMode="tel" defaultValue={values?.phone ?? ""} error={message(errors.phone)} />
      <Field label={p.fields.note} name="note" defaultValue={values?.note ?? ""} error={message(errors.note)} />
      {errors.form ? <p role="alert" className="text-sm text-red-600 sm:col-span-full">{message(errors.form)}</p> : null}
    </>
  );
}
