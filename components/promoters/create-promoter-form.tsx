"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { createPromoterAction } from "@/app/(dashboard)/promoters/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/auth/schemas";
import { PromoterFields } from "./promoter-fields";

export function CreatePromoterForm() {
  const { t } = useI18n();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await createPromoterAction(form);
      if (!result.ok) return setErrors(result.errors);
      setErrors({});
      formRef.current?.reset();
      router.push(`/promoters/${result.id}`);
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t.promoters.add} className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
      <PromoterFields errors={errors} />
      <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? t.promoters.adding : t.promoters.add}</Button>
    </form>
  );
}
