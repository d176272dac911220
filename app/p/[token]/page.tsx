import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrandLogo } from "@/components/brand-logo";
import { DailyTrendChart } from "@/components/charts/daily-trend-chart";
import { PosterCard } from "@/components/self-service/poster-card";
import { QrCard } from "@/components/self-service/qr-card";
import { RankCard } from "@/components/self-service/rank-card";
import { SettlementCard } from "@/components/self-service/settlement-card";
import { StatGrid } from "@/components/self-service/stat-grid";
import { TeamCard } from "@/components/self-service/team-card";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { getSelfServicePage } from "@/lib/self-service/get-self-service-page";

export const dynamic = "force-dynamic";

// The secret is in the URL: keep it out of search engines and out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.admin.promoterPage.title, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// A promoter's private page at /p/<secret>: no login, no dashboard frame, phone first.
export default async function SelfServicePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ t, locale }, data] = await Promise.all([getDictionary(), getSelfServicePage(token)]);
  if (!data) notFound();
  const p = t.admin.promoterPage;
  return (
    <main className="mx-auto min-h-screen max-w-xl space-y-4 bg-slate-50 px-4 py-6 sm:py-10">
      <header className="text-center">
        <p className="text-sm text-slate-500" data-testid="sp-account-name">{data.accountName}</p>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="sp-promoter-name">{data.promoterName}</h1>
        <p className="mt-1 text-xs text-slate-400">{p.title}</p>
      </header>
      <QrCard token={token} name={data.promoterName} hasQr={data.hasQr} t={t} />
      <PosterCard token={token} t={t} />
      <RankCard rank={data.rank.rank} total={data.rank.total} labels={{ title: p.rankTitle, rank: p.rank, note: p.rankNote }} />
      <StatGrid title={`${p.last30} · ${data.range.from} – ${data.range.to}`} totals={data.recent} labels={p.stats} testIdPrefix="sp-stat-30" />
      <StatGrid title={p.allTime} totals={data.allTime} labels={p.stats} testIdPrefix="sp-stat-all" />
      {data.lead ? <TeamCard lead={data.lead} t={p} locale={locale} /> : null}
      {data.settlements.length ? <SettlementCard settlements={data.settlements} t={t} locale={locale} /> : null}
      <section className="rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="sp-trend-title">
        <h2 id="sp-trend-title" className="mb-2 text-sm font-medium text-slate-500">{p.trendTitle}</h2>
        <DailyTrendChart data={data.trend} labels={{ newFollowers: p.stats.newFollowers, unfollows: p.stats.unfollows }} />
      </section>
      <footer className="flex justify-center pt-2">
        <BrandLogo name={t.app.name} size={16} className="text-xs text-slate-400" testId="sp-logo" />
      </footer>
    </main>
  );
}
