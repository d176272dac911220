import { Suspense } from "react";
import { DailyTrendChart } from "@/components/charts/daily-trend-chart";
import { CockpitHealthCards, CockpitWarnings, HealthLoading } from "@/components/cockpit/cockpit-health";
import { DayComparisonGrid } from "@/components/cockpit/day-comparison-grid";
import { TopPromoters } from "@/components/cockpit/top-promoters";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { lastDays } from "@/lib/stats/day";
import { getDayComparison } from "@/lib/stats/get-day-comparison";
import { getDailyTrend } from "@/lib/stats/get-daily-trend";
import { getLeaderboard } from "@/lib/stats/get-leaderboard";
import { getOverview } from "@/lib/stats/get-overview";

export const dynamic = "force-dynamic";

/** 概览: the selected account's cockpit — today's figures, the trend, today's best promoters and whether WeChat still reaches us. */
export default async function OverviewPage() {
  await requireUser();
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  const steps = [t.overview.stepAccount, t.overview.stepPromoters, t.overview.stepTrack];
  const gettingStarted = (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="font-medium">{t.overview.stepsTitle}</h2>
      <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm text-slate-700">
        {steps.map((step) => <li key={step}>{step}</li>)}
      </ol>
    </section>
  );
  const header = (
    <div>
      <h1 className="text-2xl font-semibold">{t.overview.title}{account ? ` · ${account.name}` : ""}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.overview.intro}</p>
    </div>
  );
  if (!account) return <div className="mx-auto max-w-5xl space-y-6">{header}{gettingStarted}</div>;
  const today = lastDays(1, account.timezone);
  const [stats, comparison, trend, top] = await Promise.all([
    getOverview(account.id),
    getDayComparison(account.id, account.timezone),
    getDailyTrend(account.id, lastDays(14, account.timezone)),
    getLeaderboard(account.id, today, { sort: "newFollowers", timeZone: account.timezone, limit: 5 }),
  ]);
  const health = { accountId: account.id, t, locale };
  const cards = [
    { label: t.overview.statPromoters, value: stats.promoters },
    { label: t.overview.statFollowers, value: stats.followers },
  ];
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      {header}
      <Suspense fallback={null}><CockpitWarnings {...health} /></Suspense>
      <DayComparisonGrid data={comparison} t={t.cockpit} locale={locale} timezone={account.timezone} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="font-medium">{t.cockpit.trendTitle}</h2>
          <DailyTrendChart data={trend} labels={{ newFollowers: t.leaderboard.chartSeries.newFollowers, unfollows: t.leaderboard.chartSeries.unfollows }} />
        </section>
        <TopPromoters rows={top.rows} t={t} locale={locale} href={`/leaderboard?${new URLSearchParams(today)}`} />
      </div>
      <Suspense fallback={<HealthLoading label={t.cockpit.healthLoading} />}><CockpitHealthCards {...health} /></Suspense>
      <dl className="grid gap-4 sm:grid-cols-2">
        {cards.map((card) => (
          <div key={card.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{card.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{card.value.toLocaleString(locale)}</dd>
          </div>
        ))}
      </dl>
      {stats.promoters === 0 ? gettingStarted : null}
      <p className="text-xs text-slate-400">
        {t.overview.database}: {env().databaseProvider === "sqlite" ? "SQLite" : "PostgreSQL"}
      </p>
    </div>
  );
}
