import { format } from "@/lib/i18n/locales";
import type { Dictionary } from "@/lib/i18n/locales";
import { LEAD_MEMBERS_SHOWN, type LeadView } from "@/lib/self-service/get-lead-view";

type Props = { lead: LeadView; t: Dictionary["admin"]["promoterPage"]; locale: string };

/** A team lead's view of their team: its totals and rank, and the members ranked among themselves. */
export function TeamCard({ lead, t, locale }: Props) {
  const n = (v: number) => v.toLocaleString(locale);
  const totals: [string, string, string][] = [
    [t.stats.newFollowers, n(lead.totals.newFollowers), "newFollowers"],
    [t.stats.net, n(lead.totals.net), "net"],
    [t.team.perCapita, n(lead.totals.perCapita), "perCapita"],
    [t.team.members, n(lead.totals.members), "members"],
  ];
  return (
    <section className="rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="sp-team-title" data-testid="sp-team">
      <h2 id="sp-team-title" className="text-sm font-medium text-slate-500">{format(t.team.title, { name: lead.teamName })}</h2>
      <p className="mt-1 text-lg font-semibold" data-testid="sp-team-rank">{format(t.team.rank, { rank: lead.teamRank, total: lead.teams }, locale)}</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {totals.map(([label, value, key]) => (
          <div key={key} className="rounded-xl bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`sp-team-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="mt-4 w-full text-sm" data-testid="sp-team-table">
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 text-left font-medium">{t.team.columns.rank}</th>
            <th scope="col" className="py-1 text-left font-medium">{t.team.columns.name}</th>
            <th scope="col" className="py-1 text-right font-medium">{t.stats.newFollowers}</th>
            <th scope="col" className="py-1 text-right font-medium">{t.stats.net}</th>
            <th scope="col" className="py-1 text-right font-medium">{t.stats.scans}</th>
          </tr>
        </thead>
        <tbody>
          {lead.members.map((m) => (
            <tr key={`${m.rank}-${m.name}`} className={`border-t border-slate-100 ${m.isLead ? "font-semibold" : ""}`}>
              <td className="py-1.5 tabular-nums text-slate-500">{m.rank}</td>
              <td className="py-1.5">
                {m.name}
                {m.isLead ? <span className="ml-1 rounded bg-brand-50 px-1 text-xs text-brand-700">{t.team.you}</span> : null}
                {m.active ? null : <span className="ml-1 text-xs text-slate-400">{t.team.inactive}</span>}
              </td>
              <td className="py-1.5 text-right tabular-nums">{n(m.newFollowers)}</td>
              <td className="py-1.5 text-right tabular-nums">{n(m.net)}</td>
              <td className="py-1.5 text-right tabular-nums">{n(m.scans)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lead.memberCount > LEAD_MEMBERS_SHOWN ? <p className="mt-2 text-xs text-slate-500">{format(t.team.showingFirst, { shown: LEAD_MEMBERS_SHOWN, count: lead.memberCount }, locale)}</p> : null}
      <p className="mt-2 text-xs text-slate-400">{t.team.note}</p>
    </section>
  );
}
