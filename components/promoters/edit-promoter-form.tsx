"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setPromoterActiveAction, updatePromoterAction } from "@/app/(dashboard)/promoters/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/auth/schemas";
import { PromoterFields } from "./promoter-fields";

type Values = { id: string; name: string; phone: string | null; note: string | null; welcomeText: string | null; active: boolean };

export function EditPromoterForm({ promoter }: { promoter: Values }) {
  const { t } = useI18n();
  const d = t.promoters.detail;
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    startTransition(async () => {
      const result = await updatePromoterAction(promoter.id, form);
      if (!result.ok) return setErrors(result.errors);
      setErrors({});
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate aria-label={d.edit} className="grid gap-3">
        <PromoterFields errors={errors} values={promoter} withWelcome />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{d.save}</Button>
          {saved ? <span role="status" className="text-sm text-brand-700">{d.saved}</span> : null}
        </div>
      </form>
      <div className="border-t border-slate-200 pt-4">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => startTransition(async () => { await setPromoterActiveAction(promoter.id, !promoter.active); router.refresh(); })}
        >
          {promoter.active ? d.deactivate : d.activate}
        </Button>
        <p className="mt-2 text-xs text-slate-500">{d.deactivateNote}</p>
      </div>
    </div>
  );
}
