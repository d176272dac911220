"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { enrolCampaignAction, type EnrolResult } from "@/app/(dashboard)/campaigns/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";
import { useCampaignAction } from "./use-campaign-action";

type Option = { id: string; name: string };
type Props = { campaignId: string; promoters: Option[]; teams: Option[]; timeZone: string; hasCodes: boolean };

/** Enrols promoters' permanent codes, or makes temporary codes for them, and reports what WeChat said. */
export function CampaignEnrol({ campaignId, promoters, teams, timeZone, hasCodes }: Props) {
  const { t, locale } = useI18n();
  const l = t.campaigns;
  const router = useRouter();
  const [done, setDone] = useState<Extract<EnrolResult, { ok: true }> | null>(null);
  const onSuccess = (result: Extract<EnrolResult, { ok: true }>, element: HTMLFormElement) => {
    setDone(result);
    element.reset();
    router.refresh();
  };
  const action = enrolCampaignAction.bind(null, campaignId);
  const picked = useCampaignAction(action, onSuccess, timeZone);
  const all = useCampaignAction(action, onSuccess, timeZone);
  const error = picked.message("promoterIds") ?? picked.message("codes") ?? picked.message("temporary") ?? all.message("promoterIds") ?? all.message("temporary");
  const codes = done?.codes;
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="campaign-enrol">
      <div>
        <h2 className="font-medium">{l.enrolTitle}</h2>
        <p className="mt-1 text-sm text-slate-600">{l.enrolHint}</p>
      </div>
      <form onSubmit={picked.onSubmit} className="flex flex-wrap items-end gap-3" data-testid="enrol-form">
        <label className="text-sm">
          <span className="block text-slate-600">{l.pickPromoters}</span>
          <select name="promoterIds" multiple size={Math.min(8, Math.max(2, promoters.length))} className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5" data-testid="enrol-promoters">
            {promoters.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">{l.pickTeam}</span>
          <select name="teamId" defaultValue="" className="mt-1 w-48 rounded-md border border-slate-300 px-2 py-1.5" data-testid="enrol-team">
            <option value="">{l.noTeamPicked}</option>
            {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </select>
        </label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="mode" value="permanent" disabled={picked.pending} data-testid="enrol-permanent">{l.enrolPermanent}</Button>
          <Button type="submit" name="mode" value="temporary" variant="secondary" disabled={picked.pending} data-testid="enrol-temporary">{l.enrolTemporary}</Button>
        </div>
      </form>
      {hasCodes ? (
        <form onSubmit={all.onSubmit} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="scope" value="enrolled" />
          <Button type="submit" name="mode" value="temporary" variant="secondary" disabled={all.pending} data-testid="temporary-all">{l.temporaryAll}</Button>
        </form>
      ) : null}
      <p className="text-xs text-slate-500">{l.temporaryHint}</p>
      {error && (picked.failed || all.failed) ? <p role="alert" className="text-sm text-red-700" data-testid="enrol-error">{error}</p> : null}
      {done?.enrolled !== undefined ? <p role="status" className="text-sm text-emerald-700" data-testid="enrol-result">{format(l.enrolled, { count: done.enrolled }, locale)}</p> : null}
      {codes ? (
        <div role="status" className="space-y-1 text-sm" data-testid="temporary-result">
          <p className="text-emerald-700">{format(l.temporaryResult, { created: codes.created, skipped: codes.skipped }, locale)}</p>
          {codes.remaining ? <p className="text-amber-700">{format(l.temporaryRemaining, { count: codes.remaining }, locale)}</p> : null}
          {codes.failures.length ? (
            <div className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800" data-testid="temporary-failures">
              <p>{format(l.failuresTitle, { count: codes.failures.length }, locale)}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {codes.failures.map((f) => (
                  <li key={f.promoterId}>{format(l.failure, { name: f.name, errcode: f.errcode ?? "—", errmsg: f.errmsg }, locale)} — {locale === "en" ? f.hint.en : f.hint.zh}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
