import { PromoterQualifiedStat } from "@/components/qualified/promoter-qualified-stat";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DailyTrendChart } from "@/components/charts/daily-trend-chart";
import { AddQrCodeForm } from "@/components/promoters/add-qrcode-form";
import { PromoterActivity } from "@/components/promoters/promoter-activity";
import { PromoterFollowerTags } from "@/components/tags/promoter-follower-tags";
import { SignalsCard } from "@/components/signals/signals-card";
import { PrivateLinkPanel } from "@/components/self-service/private-link-panel";
import { EditPromoterForm } from "@/components/promoters/edit-promoter-form";
import { PromoterFollowReplies } from "@/components/follow-replies/promoter-follow-replies";
import { PromoterTeamPicker } from "@/components/teams/promoter-team-picker";
import { listTeams } from "@/lib/teams/get-team-board";
import { db } from "@/lib/db";
import { QrCodeTable } from "@/components/promoters/qr-code-table";
import { QrError } from "@/components/promoters/qr-error";
import { StatusBadge } from "@/components/promoters/qr-status-badge";
import { RetryQrButton } from "@/components/promoters/retry-qr-button";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { listPromoterCodes } from "@/lib/promoters/list-promoter-codes";
import { getPromoter } from "@/lib/promoters/list-promoters";
import { qrSvg } from "@/lib/qr/render-qr";
import { lastDays } from "@/lib/stats/day";
import { getDailyTrend } from "@/lib/stats/get-daily-trend";
import { getPromoterTotals, ZERO_TOTALS } from "@/lib/stats/get-promoter-totals";
import { listPromoterFollowers, listPromoterTimeline } from "@/lib/stats/list-promoter-activity";

export default async function PromoterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string }> }) {
  const user = await requireUser("read");
  const [{ t, locale }, { account }, { id }, { after }] = await Promise.all([getDictionary(), getActiveAccount(), params, searchParams]);
  const promoter = account ? await getPromoter(account.id, id) : null;
  if (!account || !promoter) notFound();
  const p = t.promoters;
  const qr = promoter.qrCode;
  const [svg, totals, codes, followers, timeline, trend, teams, membership] = await Promise.all([
    qr?.url ? qrSvg(qr.url) : null,
    getPromoterTotals(account.id, [promoter.id]),
    listPromoterCodes(account.id, promoter.id),
    listPromoterFollowers(account.id, promoter.id, after),
    listPromoterTimeline(account.id, promoter.id),
    getDailyTrend(account.id, lastDays(30, account.timezone), { promoterId: promoter.id }),
    listTeams(account.id),
    db().promoter.findUniqueOrThrow({ where: { id: promoter.id }, select: { teamId: true } }),
  ]);
  const stats = totals.get(promoter.id) ?? ZERO_TOTALS;
  const l = t.leaderboard.columns;
  const writable = can(user.role, "write");
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link href="/promoters" className="text-sm text-slate-500 hover:underline">← {p.detail.back}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{promoter.name}</h1>
        {!promoter.active ? <StatusBadge status="expired" label={p.status.inactive} /> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[320px_1fr]">
        <section className="min-w-0 self-start rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="qr-title">
          <div className="flex items-center justify-between">
            <h2 id="qr-title" className="font-medium">{p.detail.qrTitle}</h2>
            {qr ? <StatusBadge status={qr.status} label={(p.qrStatus as Record<string, string>)[qr.status] ?? qr.status} /> : null}
          </div>
          {qr ? <p className="mt-1 text-xs text-slate-500">{format(p.detail.scene, { scene: qr.sceneKey })}</p> : null}
          {svg ? (
            <>
              <div data-testid="qr-svg" role="img" aria-label={`${p.detail.qrTitle} ${promoter.name}`} className="mx-auto mt-4 w-full max-w-[260px]" dangerouslySetInnerHTML={{ __html: svg }} />
              <div className="mt-4 flex flex-wrap gap-2">
                <a href={`/api/qrcodes/${qr!.id}`} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">{p.detail.downloadPng}</a>
                <Link href={`/print/promoters/${promoter.id}`} target="_blank" className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">{p.detail.print}</Link>
              </div>
            </>
          ) : (
            <div className="mt-4 space-y-3">
              {qr?.status === "failed" ? <QrError errcode={qr.lastErrorCode} errmsg={qr.lastErrorMsg} locale={locale} t={t} /> : <p className="text-sm text-slate-500">{p.detail.pendingNote}</p>}
              {writable && qr ? <RetryQrButton qrCodeId={qr.id} /> : null}
            </div>
          )}
        </section>
        <div className="min-w-0 space-y-6">
          <section className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="font-medium">{p.detail.stats}</h2>
            <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-6">
              {(["newFollowers", "refollows", "unfollows", "net", "scans", "backfilled"] as const).map((k) => (
                <div key={k} className="rounded-lg bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{l[k]}</dt>
                  <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`stat-${k}`}>{stats[k]}</dd>
                </div>
              ))}
            </dl>
            <PromoterQualifiedStat account={account} promoterId={promoter.id} t={t} />
            <h3 className="mt-5 text-sm font-medium text-slate-600">{p.timeline.trend}</h3>
            <DailyTrendChart data={trend} labels={{ newFollowers: t.leaderboard.chartSeries.newFollowers, unfollows: t.leaderboard.chartSeries.unfollows }} />
          </section>
          <PrivateLinkPanel
            promoterId={promoter.id}
            hasLink={promoter.hasSelfServiceLink}
            enabled={promoter.selfServiceEnabled}
            promoterActive={promoter.active}
            canManage={writable}
          />
          <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="codes-title">
            <h2 id="codes-title" className="font-medium">{t.qrcodes.title}</h2>
            <p className="mb-3 mt-1 text-xs text-slate-500">{t.qrcodes.intro}</p>
            <QrCodeTable codes={codes} t={t} locale={locale} timeZone={account.timezone} writable={writable} />
            {writable ? <div className="mt-4 border-t border-slate-200 pt-4"><AddQrCodeForm promoterId={promoter.id} /></div> : null}
          </section>
          {writable ? (
            <section className="rounded-xl border border-slate-200 bg-white p-5">
              <h2 className="mb-3 font-medium">{p.detail.edit}</h2>
              <EditPromoterForm promoter={{ id: promoter.id, name: promoter.name, phone: promoter.phone, note: promoter.note, welcomeText: promoter.welcomeText, active: promoter.active }} />
              {teams.length ? <div className="mt-4 border-t border-slate-200 pt-4"><PromoterTeamPicker promoterId={promoter.id} teamId={membership.teamId} teams={teams} /></div> : null}
            </section>
          ) : null}
          {writable ? <PromoterFollowReplies account={account} promoter={promoter} codes={codes} t={t} /> : null}
        </div>
      </div>
      <SignalsCard accountId={account.id} promoterId={promoter.id} timeZone={account.timezone} t={t} locale={locale} />
      <PromoterActivity promoterId={promoter.id} followers={followers} timeline={timeline} t={t} locale={locale} timeZone={account.timezone} />
      <PromoterFollowerTags accountId={account.id} promoterId={promoter.id} t={t} />
    </div>
  );
}
