import Link from "next/link";
import { notFound } from "next/navigation";
import { QrZipDownload } from "@/components/batch/qr-zip-download";
import { CampaignBoardTable } from "@/components/campaigns/campaign-board-table";
import { CampaignCodes } from "@/components/campaigns/campaign-codes";
import { CampaignEnrol } from "@/components/campaigns/campaign-enrol";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { CampaignProgress } from "@/components/campaigns/campaign-progress";
import { CampaignFollowReply } from "@/components/follow-replies/campaign-follow-reply";
import { DailyTrendChart } from "@/components/charts/daily-trend-chart";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { CAMPAIGN_METRICS, type CampaignMetric } from "@/lib/campaigns/campaign-query";
import { campaignStatus } from "@/lib/campaigns/campaign-window";
import { CAMPAIGN_PAGE_SIZE, getCampaignBoard } from "@/lib/campaigns/get-campaign-board";
import { getCampaignSummary } from "@/lib/campaigns/get-campaign-summary";
import { listEnrolledCodes } from "@/lib/campaigns/list-enrolled-codes";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { dayOf } from "@/lib/stats/day";
import { listTeams } from "@/lib/teams/get-team-board";

// Promoters offered for enrolling, by name; beyond this, enrol by team.
const PROMOTERS_SHOWN = 500;

type Search = { sort?: string; page?: string };

// One campaign: progress against its target, the daily chart, its leaderboard, what came outside its window, and its codes.
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser("read");
  const [{ t, locale }, { account }, { id }, query] = await Promise.all([getDictionary(), getActiveAccount(), params, searchParams]);
  if (!account) notFound();
  const campaign = await db().campaign.findFirst({ where: { id, accountId: account.id } });
  if (!campaign) notFound();
  const l = t.campaigns;
  const writable = can(user.role, "write");
  const sort: CampaignMetric = (CAMPAIGN_METRICS as readonly string[]).includes(query.sort ?? "") ? (query.sort as CampaignMetric) : "newFollowers";
  const page = Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const [summary, board, codes, promoters, teams] = await Promise.all([
    getCampaignSummary(campaign),
    getCampaignBoard(account.id, campaign, { sort, offset: (page - 1) * CAMPAIGN_PAGE_SIZE }),
    listEnrolledCodes(campaign.id),
    writable ? db().promoter.findMany({ where: { accountId: account.id, active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: PROMOTERS_SHOWN, select: { id: true, name: true } }) : [],
    writable ? listTeams(account.id) : [],
  ]);
  const status = campaignStatus(campaign, account.timezone);
  const pages = Math.max(1, Math.ceil(board.total / CAMPAIGN_PAGE_SIZE));
  const href = (extra: Search) => `/campaigns/${campaign.id}?${new URLSearchParams({ sort, ...extra })}`;
  const n = (v: number) => v.toLocaleString(locale);
  const o = summary.outside;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <Link href="/campaigns" className="text-sm text-brand-700 hover:underline">← {l.title}</Link>
        <div className="mt-1 flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-semibold">{campaign.name}</h1>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700" data-testid="campaign-status">{l.status[status]}</span>
        </div>
        <p className="mt-1 text-sm text-slate-600" data-testid="campaign-window">{format(l.window, { from: campaign.startDay, to: campaign.endDay })} · {format(l.timeZone, { timeZone: account.timezone })}</p>
      </div>
      {writable ? <section className="rounded-xl border border-slate-200 bg-white p-4"><CampaignForm campaign={campaign} today={dayOf(new Date(), account.timezone)} /></section> : null}
      {writable ? <CampaignFollowReply account={account} campaignId={campaign.id} t={t} /> : null}
      <section className="grid gap-4 md:grid-cols-3">
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 md:col-span-2">
          <h2 className="font-medium">{l.totals}</h2>
          <CampaignProgress value={summary.totals.newFollowers} target={campaign.target} t={t} locale={locale} />
          <dl className="grid grid-cols-5 gap-2 text-center" data-testid="campaign-totals">
            {(["newFollowers", "refollows", "scans", "unfollows", "net"] as const).map((m) => (
              <div key={m} data-metric={m}><dt className="text-xs text-slate-500">{l.columns[m]}</dt><dd className="text-lg font-semibold tabular-nums">{n(summary.totals[m])}</dd></div>
            ))}
          </dl>
          <p className="text-xs text-slate-500">{l.unfollowsHint}</p>
        </div>
        <div className="space-y-2 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="campaign-outside">
          <h2 className="font-medium text-amber-900">{l.outsideTitle}</h2>
          <p className="text-xs text-amber-800">{l.outsideHint}</p>
          <p data-testid="outside-before">{format(l.outsideBefore, { follows: o.followsBefore, scans: o.scansBefore }, locale)}</p>
          <p data-testid="outside-after">{format(l.outsideAfter, { follows: o.followsAfter, scans: o.scansAfter }, locale)}</p>
        </div>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-medium">{l.chartTitle}</h2>
        <DailyTrendChart data={summary.daily} labels={{ newFollowers: l.columns.newFollowers, unfollows: l.columns.unfollows }} />
      </section>
      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="font-medium">{l.boardTitle}</h2>
          <div className="flex flex-wrap items-start gap-2">
            <a href={`/api/exports/campaign?${new URLSearchParams({ id: campaign.id, sort })}`} className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50" data-testid="campaign-csv">{l.exportCsv}</a>
            <QrZipDownload campaignId={campaign.id} label={l.downloadZip} />
            <a href={`/print/sheet?${new URLSearchParams({ campaign: campaign.id })}`} target="_blank" rel="noopener" className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50" data-testid="campaign-sheet">{l.printSheet}</a>
          </div>
        </div>
        {board.rows.length ? (
          <CampaignBoardTable rows={board.rows} sort={sort} t={t} locale={locale} sortHref={(metric) => href({ sort: metric })} qualifyDays={account.qualifyDays} />
        ) : <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600" data-testid="campaign-board-empty">{l.boardEmpty}</p>}
        {pages > 1 ? (
          <nav className="flex items-center gap-3 text-sm" aria-label={l.boardTitle}>
            {page > 1 ? <Link href={href({ page: String(page - 1) })} className="text-brand-700 hover:underline">{l.prev}</Link> : null}
            <span>{format(l.page, { page, pages })}</span>
            {page < pages ? <Link href={href({ page: String(page + 1) })} className="text-brand-700 hover:underline">{l.next}</Link> : null}
          </nav>
        ) : null}
      </section>
      {writable ? <CampaignEnrol campaignId={campaign.id} promoters={promoters} teams={teams} timeZone={account.timezone} hasCodes={summary.codes > 0} /> : null}
      <CampaignCodes campaign={campaign} codes={codes} total={summary.codes} timeZone={account.timezone} writable={writable} />
    </div>
  );
}
