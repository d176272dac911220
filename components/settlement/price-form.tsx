"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setPriceAction } from "@/app/(dashboard)/settlements/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { format } from "@/lib/i18n/locales";

type Option = { id: string; name: string };

/** Sets the price per qualified follow for the account, a team or a campaign. */
export function PriceForm({ teams, campaigns }: { teams: Option[]; campaigns: Option[] }) {
  const { t, locale } = useI18n();
  const l = t.settlement;
  const router = useRouter();
  const [scope, setScope] = useState<"account" | "team" | "campaign">("account");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const targets = scope === "team" ? teams : scope === "campaign" ? campaigns : [];
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    startTransition(async () => {
      const result = await setPriceAction(form);
      if (!result.ok) return setError(format((l.errors as Record<string, string>)[result.error] ?? t.errors.generic, result.params ?? {}, locale));
      setError(null);
      element.reset();
      setScope("account");
      router.refresh();
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3" data-testid="price-form" aria-label={l.pricesTitle}>
      <div className="w-40">
        <SelectField label={l.scopeLabel} name="scope" value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}
          options={(["account", "team", "campaign"] as const).map((s) => ({ value: s, label: l.scope[s] }))} />
      </div>
      {scope !== "account" ? (
        <div className="w-48">
          <SelectField label={scope === "team" ? l.pickTeam : l.pickCampaign} name="targetId" options={[{ value: "", label: "—" }, ...targets.map((o) => ({ value: o.id, label: o.name }))]} />
        </div>
      ) : null}
      <div className="w-40"><Field label={l.priceField} name="price" inputMode="decimal" placeholder={l.pricePlaceholder} autoComplete="off" error={error ?? undefined} /></div>
      <Button type="submit" disabled={pending} className="mt-6">{pending ? l.saving : l.setPrice}</Button>
    </form>
  );
}
