"use client";

import { useRouter } from "next/navigation";
import { createPromoterAction } from "@/app/(dashboard)/promoters/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/use-form-action";
import { PromoterFields } from "./promoter-fields";

export function CreatePromoterForm() {
  const { t } = useI18n();
  const router = useRouter();
  const { errors, pending, onSubmit } = useFormAction(createPromoterAction, (result, _form, element) => {
    element.reset();
    router.push(`/promoters/${result.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t.promoters.add} className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
      <PromoterFields errors={errors} />
      <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? t.promoters.adding : t.promoters.add}</Button>
    </form>
  );
}
