import Link from "next/link";
import { NoAccount } from "@/components/no-account";
import { TeamBoardTable } from "@/components/teams/team-board-table";
import { TeamForm } from "@/components/teams/team-form";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { presetRange, RANGE_PRESETS } from "@/lib/stats/day";
import { parseRange } from "@/lib/stats/parse-range";
import { getTeamBoard, TEAM_METRICS, type TeamMetric } from "@/lib/teams/get-team-board";

type Search = { from?: string; to?: string; sort?: string };

// The team board over a range, and (for writers) creating a team.
export default async function TeamsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("read");
  const [{ t, locale }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const l = t.teams;
  const range = parseRange(params.from, params.to, account.timezone);
  const sort: TeamMetric = (TEAM_METRICS as readonly string[]).includes(params.sort ?? "") ? (params.sort as TeamMetric) : "newFollowers";
  const rows = await getTeamBoard(account.id, range, sort);
  const writable = can(user.role, "write");
  const query = (extra: Search) => `/teams?${new URLSearchParams({ from: range.from, to: range.to, sort, ...extra })}`;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{l.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{l.intro}</p>
      </div>
      {writable ? <section className="rounded-xl border border-slate-200 bg-white p-4"><TeamForm /></section> : null}
      <section className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 className="font-medium">{l.boardTitle}</h2>
          <p className="text-sm text-slate-500">{format(l.range, { from: range.from, to: range.to })}</p>
        </div>
        <nav aria-label={l.boardTitle} className="flex flex-wrap gap-2">
          {RANGE_PRESETS.map((preset) => {
            const r = presetRange(preset, account.timezone);
            const current = r.from === range.from && r.to === range.to;
            return (
              <Link key={preset} href={query(r)} aria-current={current ? "true" : undefined}
                className={`rounded-full border px-3 py-1 text-sm ${current ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}>
                {t.leaderboard.presets[preset]}
              </Link>
            );
          })}
        </nav>
        {rows.length ? (
          <TeamBoardTable rows={rows} sort={sort} t={t} locale={locale} writable={writable} sortHref={(metric) => query({ sort: metric })}
            boardHref={(teamId) => `/leaderboard?${new URLSearchParams({ from: range.from, to: range.to, team: teamId })}`} />
        ) : (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600" data-testid="teams-empty">{l.empty}</p>
        )}
      </section>
    </div>
  );
}
