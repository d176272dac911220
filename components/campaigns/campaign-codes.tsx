"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { deleteCampaignAction, removeCampaignCodeAction } from "@/app/(dashboard)/campaigns/actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";

export type EnrolledCode = { id: string; sceneKey: string; promoterName: string | null; label: string | null; temporary: boolean; status: string; expiresAt: string | null };
type Props = { campaign: { id: string; name: string }; codes: EnrolledCode[]; total: number; timeZone: string; writable: boolean };

/** The campaign's enrolled codes (writers can take one out) and deleting the campaign. */
export function CampaignCodes({ campaign, codes, total, timeZone, writable }: Props) {
  const { t, locale } = useI18n();
  const l = t.campaigns;
  const router = useRouter();
  const [removing, startRemoving] = useTransition();
  const remove = (qrCodeId: string) =>
    startRemoving(async () => {
      await removeCampaignCodeAction(campaign.id, qrCodeId);
      router.refresh();
    });
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="font-medium">{l.codesTitle} · {format(l.codes, { count: total }, locale)}</h2>
      {codes.length ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="campaign-codes">
          {codes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="campaign-code" data-scene={c.sceneKey}>
              <span>
                <span className="font-medium">{c.promoterName ?? c.label ?? "—"}</span>
                <span className="ml-2 font-mono text-xs text-slate-500">{c.sceneKey}</span>
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{c.temporary ? l.codeKinds.temporary : l.codeKinds.permanent}</span>
                {c.status !== "active" ? <span className="ml-2 text-xs text-red-700">{t.promoters.qrStatus[c.status as keyof typeof t.promoters.qrStatus] ?? c.status}</span> : null}
                {c.expiresAt ? <span className="ml-2 text-xs text-slate-500">{format(l.expires, { at: new Date(c.expiresAt).toLocaleString(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }) })}</span> : null}
              </span>
              {writable ? <Button variant="secondary" disabled={removing} onClick={() => remove(c.id)} aria-label={`${l.remove}: ${c.sceneKey}`}>{l.remove}</Button> : null}
            </li>
          ))}
        </ul>
      ) : <p className="text-sm text-slate-500">{l.noCodes}</p>}
      {writable ? (
        <ConfirmButton label={l.delete} question={format(l.deleteConfirm, { name: campaign.name })} testId="delete-campaign"
          onConfirm={async () => {
            await deleteCampaignAction(campaign.id);
            router.push("/campaigns");
          }} />
      ) : null}
    </section>
  );
}
