import Link from "next/link";
import type { Dictionary } from "@/lib/i18n/locales";
import type { TeamMetric, TeamRow } from "@/lib/teams/get-team-board";

const SORTABLE: TeamMetric[] = ["newFollowers", "qualified", "net", "unfollows", "scans", "perCapita"];

type Props = { rows: TeamRow[]; sort: TeamMetric; t: Dictionary; locale: string; sortHref: (metric: TeamMetric) => string; boardHref: (teamId: string) => string; writable: boolean };

/** The team board: rank, team, lead, members, the range's sums and new followers per member. */
export function TeamBoardTable({ rows, sort, t, locale, sortHref, boardHref, writable }: Props) {
  const c = t.teams.columns;
  const n = (v: number) => v.toLocaleString(locale);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="team-board">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">{c.rank}</th>
            <th className="px-3 py-2">{c.name}</th>
            <th className="px-3 py-2">{c.lead}</th>
            <th className="px-3 py-2 text-right">{c.members}</th>
            {SORTABLE.map((metric) => (
              <th key={metric} className="px-3 py-2 text-right" aria-sort={metric === sort ? "descending" : undefined}>
                <Link href={sortHref(metric)} className={metric === sort ? "font-semibold text-brand-700" : "hover:underline"}>{c[metric]}</Link>
              </th>
            ))}
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.teamId} data-testid="team-row" data-team={r.name}>
              <td className="px-3 py-2 tabular-nums">{r.rank}</td>
              <td className="px-3 py-2 font-medium">{r.name}</td>
              <td className="px-3 py-2">{r.leadName ?? t.teams.noLead}</td>
              <td className="px-3 py-2 text-right tabular-nums">{n(r.members)}</td>
              {SORTABLE.map((metric) => <td key={metric} className="px-3 py-2 text-right tabular-nums" data-metric={metric}>{n(r[metric])}</td>)}
              <td className="space-x-3 whitespace-nowrap px-3 py-2 text-right">
                <Link href={boardHref(r.teamId)} className="text-brand-700 hover:underline">{t.teams.viewBoard}</Link>
                {writable ? <Link href={`/teams/${r.teamId}`} className="text-brand-700 hover:underline" data-testid="manage-team">{t.teams.edit}</Link> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
