import { db } from "../db";
import { lastDays } from "../stats/day";
import { getDailyTrend } from "../stats/get-daily-trend";
import { getPromoterTotals, ZERO_TOTALS } from "../stats/get-promoter-totals";
import { findSelfServicePromoter } from "./find-self-service-promoter";
import { rankAmong } from "./rank-among";

export const SELF_SERVICE_DAYS = 30;

/** Where a promoter stands among the account's active promoters by new followers in the range. */
export async function getPromoterRank(accountId: string, promoterId: string, range: { from: string; to: string }) {
  const [sums, total] = await Promise.all([
    db().promoterDailyStat.groupBy({
      by: ["promoterId"],
      where: { accountId, day: { gte: range.from, lte: range.to }, promoter: { active: true } },
      _sum: { newFollowers: true },
    }),
    db().promoter.count({ where: { accountId, active: true } }),
  ]);
  const mine = sums.find((s) => s.promoterId === promoterId)?._sum.newFollowers ?? 0;
  return { rank: rankAmong(mine, sums.map((s) => s._sum.newFollowers ?? 0)), total };
}

/**
 * Everything the private page shows, for one promoter only: other promoters appear solely as the
 * count behind the rank, never by name, id or number.
 */
export async function getSelfServicePage(token: string, now = new Date()) {
  const promoter = await findSelfServicePromoter(token);
  if (!promoter) return null;
  const { accountId, id } = promoter;
  const range = lastDays(SELF_SERVICE_DAYS, promoter.account.timezone, now);
  const [recent, allTime, trend, rank] = await Promise.all([
    getPromoterTotals(accountId, [id], range),
    getPromoterTotals(accountId, [id]),
    getDailyTrend(accountId, range, id),
    getPromoterRank(accountId, id, range),
  ]);
  return {
    accountName: promoter.account.name,
    promoterName: promoter.name,
    hasQr: Boolean(promoter.qr),
    range,
    recent: recent.get(id) ?? ZERO_TOTALS,
    allTime: allTime.get(id) ?? ZERO_TOTALS,
    trend,
    rank,
  };
}

export type SelfServicePage = NonNullable<Awaited<ReturnType<typeof getSelfServicePage>>>;
