import Link from "next/link";
import { DailyTrendChart } from "@/components/charts/daily-trend-chart";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { lastDays } from "@/lib/stats/day";
import { getAccountTotals } from "@/lib/stats/get-account-totals";
import { getDailyTrend } from "@/lib/stats/get-daily-trend";
import { getLeaderboard, LEADERBOARD_METRICS, type LeaderboardMetric } from "@/lib/stats/get-leaderboard";
import { parseRange } from "@/lib/stats/parse-range";

type Search = { from?: string; to?: string; sort?: string };

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser("read");
  const [{ t }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  const l = t.leaderboard;
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const range = parseRange(params.from, params.to, account.timezone);
  const sort: LeaderboardMetric = (LEADERBOARD_METRICS as readonly string[]).includes(params.sort ?? "") ? (params.sort as LeaderboardMetric) : "newFollowers";
  const [rows, trend, totals] = await Promise.all([
    getLeaderboard(account.id, range, sort),
    getDailyTrend(account.id, range),
    getAccountTotals(account.id, range),
  ]);
  const link = (extra: Search) => `/leaderboard?${new URLSearchParams({ from: range.from, to: range.to, sort, ...extra })}`;
  const preset = (days: number) => ({ ...lastDays(days, account.timezone), sort });
  const columns = ["newFollowers", "refollows", "unfollows", "net", "scans"] as const;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{l.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{l.intro} {format(l.range, { from: range.from, to: range.to })}</p>
        {!range.valid ? <p role="alert" className="mt-2 text-sm text-amber-700">{l.invalidRange}</p> : null}
      </div>
      <form className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <label className="text-sm">
          <span className="block text-slate-600">{l.from}</span>
          <input type="date" name="from" defaultValue={range.from} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">{l.to}</span>
          <input type="date" name="to" defaultValue={range.to} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <input type="hidden" name="sort" value={sort} />
        <button className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">{l.apply}</button>
        <Link href={`/leaderboard?${new URLSearchParams(preset(7))}`} className="px-2 py-2 text-sm text-brand-700 hover:underline">{l.last7}</Link>
        <Link href={`/leaderboard?${new URLSearchParams(preset(30))}`} className="px-2 py-2 text-sm text-brand-700 hover:underline">{l.last30}</Link>
      </form>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-medium">{l.chartTitle}</h2>
          <p className="text-xs text-slate-500">
            {l.totals}: {l.columns.newFollowers} {totals.newFollowers} · {l.columns.net} {totals.net} · {format(l.organic, { count: totals.organic })} · {format(l.unattributed, { count: totals.unattributed })}
          </p>
        </div>
        <DailyTrendChart data={trend} labels={{ newFollowers: l.chartSeries.newFollowers, unfollows: l.chartSeries.unfollows }} />
      </section>
      <section className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        {rows.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-500">{t.promoters.empty}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="leaderboard">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{l.columns.rank}</th>
                <th scope="col" className="px-4 py-2 font-medium">{l.columns.name}</th>
                {columns.map((c) => (
                  <th key={c} scope="col" aria-sort={c === sort ? "descending" : undefined} className="px-4 py-2 text-right font-medium">
                    <Link href={link({ sort: c })} className={c === sort ? "text-slate-900 underline" : "hover:underline"}>{l.columns[c]}{c === sort ? " ↓" : ""}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.promoterId} data-testid={`row-${r.promoterId}`}>
                  <td className="px-4 py-2 tabular-nums text-slate-500">{r.rank}</td>
                  <td className="px-4 py-2 font-medium"><Link href={`/promoters/${r.promoterId}`} className="hover:underline">{r.name}</Link></td>
                  {columns.map((c) => <td key={c} data-metric={c} className="px-4 py-2 text-right tabular-nums">{r[c]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
