import Link from "next/link";
import { format, type Dictionary, type Locale } from "@/lib/i18n/locales";
import type { LeaderboardMetric, LeaderboardRow } from "@/lib/stats/get-leaderboard";
import { SignalBadge } from "@/components/signals/signal-badge";
import type { SignalBadges } from "@/lib/signals/get-signal-badges";

// backfilled (导入): existing followers an import credited, shown apart from the live figures.
// qualified (有效关注): final counts of the decided days, with the undecided days' new followers as pending.
const COLUMNS = ["newFollowers", "qualified", "refollows", "unfollows", "net", "scans", "retention7", "backfilled"] as const;

type Props = { rows: LeaderboardRow[]; sort: LeaderboardMetric; t: Dictionary; locale: Locale; sortHref: (column: LeaderboardMetric) => string; empty: string; signals?: SignalBadges; qualifyDays: number };

/** The ranking table; every metric header re-sorts by that metric. */
export function LeaderboardTable({ rows, sort, t, locale, sortHref, empty, signals, qualifyDays }: Props) {
  const l = t.leaderboard;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      {rows.length === 0 ? (
        <p className="p-8 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="leaderboard">
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{l.columns.rank}</th>
              <th scope="col" className="px-4 py-2 font-medium">{l.columns.name}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" aria-sort={c === sort ? "descending" : undefined} className="whitespace-nowrap px-4 py-2 text-right font-medium">
                  <Link href={sortHref(c)} className={c === sort ? "text-slate-900 underline" : "hover:underline"}>{l.columns[c]}{c === sort ? " ↓" : ""}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.promoterId} data-testid={`row-${r.promoterId}`}>
                <td className="px-4 py-2 tabular-nums text-slate-500">{r.rank}</td>
                <td className="px-4 py-2 font-medium">
                  <Link href={`/promoters/${r.promoterId}`} className="hover:underline">{r.name}</Link>
                  {signals?.badges.get(r.promoterId) ? <SignalBadge promoterId={r.promoterId} badge={signals.badges.get(r.promoterId)!} thresholds={signals.thresholds} t={t} locale={locale} /> : null}
                  {r.teamName ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600" data-testid="row-team">{r.teamName}</span> : null}
                </td>
                {COLUMNS.map((c) => (
                  <td key={c} data-metric={c} className="px-4 py-2 text-right tabular-nums">
                    {c === "retention7" ? (r.retention7 === null ? "—" : percent.format(r.retention7)) : r[c]}
                    {c === "qualified" && r.qualifyPending > 0 ? (
                      <span className="ml-1 block text-xs text-amber-700" data-testid="qualify-pending" title={format(t.qualified.pendingTitle, { days: qualifyDays })}>
                        {format(t.qualified.pending, { count: r.qualifyPending })}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
