import Link from "next/link";
import { ExportLinks } from "@/components/batch/export-links";
import { DailyTrendChart } from "@/components/charts/daily-trend-chart";
import { TopBarsChart } from "@/components/charts/top-bars-chart";
import { LeaderboardTable } from "@/components/leaderboard/leaderboard-table";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { presetRange, RANGE_PRESETS, type RangePreset } from "@/lib/stats/day";
import { getAccountTotals } from "@/lib/stats/get-account-totals";
import { getDailyTrend } from "@/lib/stats/get-daily-trend";
import { getLeaderboard, LEADERBOARD_METRICS, LEADERBOARD_PAGE_SIZE, type LeaderboardMetric } from "@/lib/stats/get-leaderboard";
import { parseRange } from "@/lib/stats/parse-range";
import { listTeams } from "@/lib/teams/get-team-board";
import { getSignalBadges } from "@/lib/signals/get-signal-badges";

type Search = { from?: string; to?: string; sort?: string; q?: string; page?: string; team?: string; flagged?: string };
const PAGE_SIZE = LEADERBOARD_PAGE_SIZE;

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser("read");
  const [{ t, locale }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  const l = t.leaderboard;
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const range = parseRange(params.from, params.to, account.timezone);
  const sort: LeaderboardMetric = (LEADERBOARD_METRICS as readonly string[]).includes(params.sort ?? "") ? (params.sort as LeaderboardMetric) : "newFollowers";
  const q = params.q?.trim().slice(0, 60) ?? "";
  const requested = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const teams = await listTeams(account.id);
  // A team of another account (or a stale link) filters nothing: the whole board shows.
  const team = teams.find((x) => x.id === params.team) ?? null;
  const teamId = team?.id;
  const flaggedOnly = params.flagged === "1"; // 只看有标记: promoters with a stored fraud signal (lib/signals)
  const options = { sort, timeZone: account.timezone, q, teamId, flaggedOnly, qualifyDays: account.qualifyDays };
  const [board, top, trend, totals] = await Promise.all([
    getLeaderboard(account.id, range, { ...options, offset: (requested - 1) * PAGE_SIZE }),
    // The top 10 ignore the search and the flagged filter; page 1 without either already holds them.
    q || requested > 1 || flaggedOnly ? getLeaderboard(account.id, range, { sort, timeZone: account.timezone, teamId, limit: 10, qualifyDays: account.qualifyDays }) : null,
    getDailyTrend(account.id, range, { teamId }),
    getAccountTotals(account.id, range),
  ]);
  const pages = Math.max(1, Math.ceil(board.total / PAGE_SIZE));
  const page = Math.min(pages, requested);
  // A page number past the end shows the last page, as before.
  const { rows: leaders, total: everyone } = top ?? { rows: board.rows.slice(0, 10), total: board.total };
  const rows = page === requested ? board.rows : (await getLeaderboard(account.id, range, { ...options, offset: (page - 1) * PAGE_SIZE })).rows;
  const signals = await getSignalBadges(account.id, rows.map((r) => r.promoterId));
  const query = (extra: Search) => `/leaderboard?${new URLSearchParams({ from: range.from, to: range.to, sort, ...(q ? { q } : {}), ...(teamId ? { team: teamId } : {}), ...(flaggedOnly ? { flagged: "1" } : {}), ...extra })}`;
  const active = (preset: RangePreset) => {
    const r = presetRange(preset, account.timezone);
    return r.from === range.from && r.to === range.to;
  };
  const topMetric = sort === "retention7" ? "newFollowers" : sort;
  const top10 = leaders.filter((r) => r[topMetric] > 0).map((r) => ({ name: r.name, value: r[topMetric] }));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{team ? format(t.teams.teamBoardOf, { name: team.name }) : l.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{l.intro} {format(l.range, { from: range.from, to: range.to })}</p>
        {!range.valid ? <p role="alert" className="mt-2 text-sm text-amber-700">{l.invalidRange}</p> : null}
      </div>
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <nav aria-label={l.custom} className="flex flex-wrap gap-2">
          {RANGE_PRESETS.map((preset) => (
            <Link key={preset} href={`/leaderboard?${new URLSearchParams({ ...presetRange(preset, account.timezone), sort, ...(teamId ? { team: teamId } : {}) })}`} aria-current={active(preset) ? "true" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${active(preset) ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}>
              {l.presets[preset]}
            </Link>
          ))}
        </nav>
        <form className="flex flex-wrap items-end gap-3">
          <label className="text-sm"><span className="block text-slate-600">{l.from}</span><input type="date" name="from" defaultValue={range.from} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" /></label>
          <label className="text-sm"><span className="block text-slate-600">{l.to}</span><input type="date" name="to" defaultValue={range.to} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" /></label>
          <label className="text-sm"><span className="block text-slate-600">{l.search}</span><input type="search" name="q" defaultValue={q} className="mt-1 w-44 rounded-md border border-slate-300 px-2 py-1.5" /></label>
          {teams.length ? (
            <label className="text-sm"><span className="block text-slate-600">{t.teams.filterTeam}</span>
              <select name="team" defaultValue={teamId ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" data-testid="leaderboard-team">
                <option value="">{t.teams.allTeams}</option>
                {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </select>
            </label>
          ) : null}
          <label className="flex items-center gap-2 self-center text-sm text-slate-700"><input type="checkbox" name="flagged" value="1" defaultChecked={flaggedOnly} className="h-4 w-4 accent-brand-600" data-testid="leaderboard-flagged" />{t.signals.flaggedOnly}</label>
          <input type="hidden" name="sort" value={sort} />
          <button className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">{l.apply}</button>
        </form>
      </div>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-medium">{l.chartTitle}</h2>
            <p className="text-xs text-slate-500" data-testid="account-totals">
              {l.totals}: {l.columns.newFollowers} {totals.newFollowers} · {l.columns.net} {totals.net} · {format(l.organic, { count: totals.organic })} · {format(l.unattributed, { count: totals.unattributed })}
            </p>
          </div>
          <DailyTrendChart data={trend} labels={{ newFollowers: l.chartSeries.newFollowers, unfollows: l.chartSeries.unfollows }} />
        </section>
        <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="font-medium">{l.top10} · {l.columns[topMetric]}</h2>
          {top10.length ? <TopBarsChart data={top10} label={l.columns[topMetric]} /> : <p className="mt-6 text-center text-sm text-slate-500">{l.empty}</p>}
        </section>
      </div>
      <div className="flex justify-end"><ExportLinks from={range.from} to={range.to} sort={sort} team={teamId} /></div>
      <LeaderboardTable rows={rows} sort={sort} t={t} locale={locale} sortHref={(c) => query({ sort: c })} empty={everyone === 0 ? t.promoters.empty : l.empty} signals={signals} qualifyDays={account.qualifyDays} />
      {pages > 1 ? (
        <nav aria-label="pagination" className="flex items-center justify-end gap-3 text-sm">
          {page > 1 ? <Link href={query({ page: String(page - 1) })} className="text-brand-700 hover:underline">← {l.prev}</Link> : null}
          <span className="text-slate-500">{format(l.page, { page, pages })}</span>
          {page < pages ? <Link href={query({ page: String(page + 1) })} className="text-brand-700 hover:underline">{l.next} →</Link> : null}
        </nav>
      ) : null}
      <p className="text-xs text-slate-500">{l.retentionHint}</p>
      <p className="text-xs text-slate-500" data-testid="qualified-hint">{format(t.qualified.hint, { days: account.qualifyDays })}</p>
    </div>
  );
}
