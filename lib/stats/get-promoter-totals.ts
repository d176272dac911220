import { db } from "../db";

/** backfilled: imported existing followers credited to the promoter, apart from (never in) newFollowers and net. */
export type PromoterTotals = { newFollowers: number; refollows: number; unfollows: number; net: number; scans: number; backfilled: number };

export const ZERO_TOTALS: PromoterTotals = { newFollowers: 0, refollows: 0, unfollows: 0, net: 0, scans: 0, backfilled: 0 };

/** All-time (or ranged) sums from the rollups for the given promoters, in one grouped query. */
export async function getPromoterTotals(accountId: string, promoterIds: string[], range?: { from: string; to: string }) {
  const out = new Map<string, PromoterTotals>();
  if (!promoterIds.length) return out;
  const sums = await db().promoterDailyStat.groupBy({
    by: ["promoterId"],
    where: { accountId, promoterId: { in: promoterIds }, ...(range ? { day: { gte: range.from, lte: range.to } } : {}) },
    _sum: { newFollowers: true, refollows: true, unfollows: true, scans: true, backfilled: true },
  });
  for (const { promoterId, _sum: s } of sums) {
    const newFollowers = s.newFollowers ?? 0;
    const unfollows = s.unfollows ?? 0;
    out.set(promoterId, { newFollowers, refollows: s.refollows ?? 0, unfollows, net: newFollowers - unfollows, scans: s.scans ?? 0, backfilled: s.backfilled ?? 0 });
  }
  return out;
}
