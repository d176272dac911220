import { db } from "../db";

/** Account-wide sums over a day range, including organic and unmapped-scene follows; backfilled (imported) apart from them. */
export async function getAccountTotals(accountId: string, range: { from: string; to: string }) {
  const { _sum: s } = await db().accountDailyStat.aggregate({
    where: { accountId, day: { gte: range.from, lte: range.to } },
    _sum: { newFollowers: true, refollows: true, unfollows: true, scans: true, organic: true, unattributed: true, backfilled: true },
  });
  const newFollowers = s.newFollowers ?? 0;
  const unfollows = s.unfollows ?? 0;
  return {
    newFollowers,
    refollows: s.refollows ?? 0,
    unfollows,
    net: newFollowers - unfollows,
    scans: s.scans ?? 0,
    organic: s.organic ?? 0,
    unattributed: s.unattributed ?? 0,
    backfilled: s.backfilled ?? 0,
  };
}
