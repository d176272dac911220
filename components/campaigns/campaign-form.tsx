"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createCampaignAction, updateCampaignAction } from "@/app/(dashboard)/campaigns/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCampaignAction } from "./use-campaign-action";

type Campaign = { id: string; name: string; startDay: string; endDay: string; target: number | null };

/** Creates a campaign (then opens it), or changes one's name, days and target. */
export function CampaignForm({ campaign, today }: { campaign?: Campaign; today: string }) {
  const { t } = useI18n();
  const l = t.campaigns;
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const action = campaign ? updateCampaignAction.bind(null, campaign.id) : createCampaignAction;
  const { message, pending, onSubmit } = useCampaignAction(action, (result) => {
    if (campaign) {
      setSaved(true);
      router.refresh();
    } else router.push(`/campaigns/${result.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={campaign ? l.save : l.create} data-testid={campaign ? "edit-campaign-form" : "create-campaign-form"} className="space-y-3" onChange={() => setSaved(false)}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-64"><Field label={l.fields.name} name="name" required maxLength={40} defaultValue={campaign?.name} hint={l.fields.nameHint} error={message("name")} autoComplete="off" /></div>
        <div className="w-44"><Field label={l.fields.startDay} name="startDay" type="date" required defaultValue={campaign?.startDay ?? today} error={message("startDay")} /></div>
        <div className="w-44"><Field label={l.fields.endDay} name="endDay" type="date" required defaultValue={campaign?.endDay} error={message("endDay")} /></div>
        <div className="w-48"><Field label={l.fields.target} name="target" inputMode="numeric" defaultValue={campaign?.target ?? ""} hint={l.fields.targetHint} error={message("target")} autoComplete="off" /></div>
        <Button type="submit" disabled={pending} className="mt-6">{pending ? (campaign ? l.saving : l.creating) : campaign ? l.save : l.create}</Button>
      </div>
      {message("codes") ? <p role="alert" className="text-sm text-red-700" data-testid="campaign-form-error">{message("codes")}</p> : null}
      {saved ? <p role="status" className="text-sm text-emerald-700">{l.saved}</p> : null}
    </form>
  );
}
