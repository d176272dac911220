"use client";

import { useEffect, useState, useTransition } from "react";
import { countPrivateLinksAction, exportPrivateLinksAction, type LinksCounts } from "@/app/(dashboard)/promoters/links/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";
import type { LinkSelection } from "@/lib/self-service/link-selection";
import { saveBase64File } from "./save-base64-file";

type Option = { id: string; name: string };
type Kind = LinkSelection["kind"];
type Outcome = { kind: "saved"; count: number; created: number; rotated: number } | { kind: "failed"; message: string } | null;

const RADIO = "flex items-start gap-2 text-sm";
const SELECT = "ml-6 mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** The bulk export's choices (scope, mode, format), the counts behind them, and the confirmation. */
export function BulkLinksForm({ ids, teams, campaigns }: { ids: string[]; teams: Option[]; campaigns: Option[] }) {
  const { t, locale } = useI18n();
  const l = t.links;
  const [kind, setKind] = useState<Kind>(ids.length ? "selected" : "all");
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const [campaignId, setCampaignId] = useState(campaigns[0]?.id ?? "");
  const [mode, setMode] = useState<"all" | "missing">("all");
  const [fileFormat, setFileFormat] = useState<"csv" | "xlsx">("xlsx");
  const [fetched, setFetched] = useState<{ key: string; counts: LinksCounts } | null>(null);
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();

  const selection: LinkSelection | null =
    kind === "all" ? { kind } : kind === "selected" ? { kind, ids } : kind === "team" ? (teamId ? { kind, teamId } : null) : campaignId ? { kind, campaignId } : null;
  const key = JSON.stringify(selection);

  useEffect(() => {
    if (!selection) return;
    let current = true;
    countPrivateLinksAction(selection).then((counts) => current && setFetched({ key, counts }), () => undefined);
    return () => { current = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the selection
  }, [key]);

  // Counts of an earlier choice are never shown (nor confirmed) for the current one.
  const counts = fetched?.key === key ? fetched.counts : null;
  const ready = counts?.ok ? counts : null;
  const created = ready ? ready.withoutLink : 0;
  const rotated = ready && mode === "all" ? ready.withLink : 0;
  const kept = ready && mode === "missing" ? ready.withLink : 0;
  const question = mode === "all" ? format(l.confirmAll, { created, rotated }, locale) : format(l.confirmMissing, { created, kept }, locale);

  function run() {
    if (!selection) return;
    startTransition(async () => {
      const result = await exportPrivateLinksAction({ selection, mode, format: fileFormat });
      setAsking(false);
      if (!result.ok) return setOutcome({ kind: "failed", message: result.message });
      saveBase64File(result.base64, result.mime, result.fileName);
      setOutcome({ kind: "saved", count: result.count, created: result.created, rotated: result.rotated });
      setFetched({ key, counts: await countPrivateLinksAction(selection) });
    });
  }

  const radio = (name: string, value: string, checked: boolean, onChange: () => void, label: string) => (
    <label className={RADIO}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} className="mt-0.5 accent-brand-600" data-testid={`links-${name}-${value}`} />
      <span>{label}</span>
    </label>
  );

  return (
    <div className="space-y-5" data-testid="bulk-links">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{l.scope}</legend>
        {radio("scope", "all", kind === "all", () => setKind("all"), l.scopes.all)}
        {ids.length ? radio("scope", "selected", kind === "selected", () => setKind("selected"), format(l.scopes.selected, { count: ids.length }, locale)) : null}
        {teams.length ? (
          <div>
            {radio("scope", "team", kind === "team", () => setKind("team"), l.scopes.team)}
            {kind === "team" ? (
              <select aria-label={l.pickTeam} value={teamId} onChange={(e) => setTeamId(e.target.value)} className={SELECT} data-testid="links-team">
                {teams.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            ) : null}
          </div>
        ) : null}
        {campaigns.length ? (
          <div>
            {radio("scope", "campaign", kind === "campaign", () => setKind("campaign"), l.scopes.campaign)}
            {kind === "campaign" ? (
              <select aria-label={l.pickCampaign} value={campaignId} onChange={(e) => setCampaignId(e.target.value)} className={SELECT} data-testid="links-campaign">
                {campaigns.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            ) : null}
          </div>
        ) : null}
        <p className="text-sm text-slate-600" role="status" data-testid="links-counts">
          {ready ? format(l.counts, { total: ready.total, withLink: ready.withLink, withoutLink: ready.withoutLink }, locale) : counts && !counts.ok ? counts.message : "…"}
        </p>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{l.mode}</legend>
        {radio("mode", "all", mode === "all", () => setMode("all"), l.modes.all)}
        {radio("mode", "missing", mode === "missing", () => setMode("missing"), l.modes.missing)}
      </fieldset>
      <fieldset className="flex flex-wrap items-center gap-4">
        <legend className="mb-1 text-sm font-medium">{l.fileFormat}</legend>
        {radio("format", "xlsx", fileFormat === "xlsx", () => setFileFormat("xlsx"), l.xlsx)}
        {radio("format", "csv", fileFormat === "csv", () => setFileFormat("csv"), l.csv)}
      </fieldset>
      {ready && created + rotated === 0 ? <p className="text-sm text-slate-500" data-testid="links-nothing">{l.nothing}</p> : null}
      {asking && ready ? (
        <div role="group" aria-label={l.submit} onKeyDown={(e) => e.key === "Escape" && setAsking(false)} className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-3 text-sm">
          <p className="min-w-0 flex-1 text-amber-900" data-testid="links-question">{question}</p>
          <Button type="button" className="px-3 py-1.5" disabled={pending} autoFocus onClick={run} data-testid="links-confirm">{pending ? l.working : t.admin.confirm.yes}</Button>
          <Button type="button" variant="ghost" className="px-3 py-1.5" disabled={pending} onClick={() => setAsking(false)}>{t.admin.confirm.cancel}</Button>
        </div>
      ) : (
        <Button type="button" disabled={!ready || created + rotated === 0 || pending} onClick={() => { setOutcome(null); setAsking(true); }} data-testid="links-submit">{l.submit}</Button>
      )}
      {outcome?.kind === "saved" ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="links-saved">{format(l.saved, { count: outcome.count, created: outcome.created, rotated: outcome.rotated }, locale)}</p>
      ) : null}
      {outcome?.kind === "failed" ? <p role="alert" className="text-sm text-red-700" data-testid="links-failed">{format(l.failed, { message: outcome.message }, locale)}</p> : null}
    </div>
  );
}
