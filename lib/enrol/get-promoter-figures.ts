import { db } from "../db";
import { getPromoterRank } from "../self-service/get-promoter-rank";
import { dayOf } from "../stats/day";

/**
 * A promoter's new followers today and this month (the account's time zone) from the daily rollups,
 * and their rank among the account's active promoters this month: what the 我的数据 reply says.
 */
export async function getPromoterFigures(accountId: string, promoterId: string, timeZone: string, now = new Date()) {
  const today = dayOf(now, timeZone);
  const month = { from: `${today.slice(0, 8)}01`, to: today };
  const [days, rank] = await Promise.all([
    db().promoterDailyStat.findMany({ where: { accountId, promoterId, day: { gte: month.from, lte: month.to } }, select: { day: true, newFollowers: true } }),
    getPromoterRank(accountId, promoterId, month),
  ]);
  return {
    today: days.find((d) => d.day === today)?.newFollowers ?? 0,
    month: days.reduce((sum, d) => sum + d.newFollowers, 0),
    rank: rank.rank,
    total: rank.total,
  };
}
