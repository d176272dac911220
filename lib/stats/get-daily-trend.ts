import { db } from "../db";
import { daysBetween } from "./day";

export type TrendPoint = { day: string; newFollowers: number; unfollows: number; net: number; scans: number };
type DayCounts = { day: string; newFollowers: number; unfollows: number; scans: number };

/** Whose days: the whole account (its own rollups, organic follows included), one promoter, or a team's current members. */
export type TrendScope = { promoterId?: string; teamId?: string };

async function rollups(accountId: string, range: { from: string; to: string }, scope: TrendScope): Promise<DayCounts[]> {
  const where = { accountId, day: { gte: range.from, lte: range.to } };
  const select = { day: true, newFollowers: true, unfollows: true, scans: true } as const;
  if (scope.promoterId) return db().promoterDailyStat.findMany({ where: { ...where, promoterId: scope.promoterId }, select });
  if (!scope.teamId) return db().accountDailyStat.findMany({ where, select });
  const days = await db().promoterDailyStat.groupBy({
    by: ["day"],
    where: { ...where, promoter: { teamId: scope.teamId } },
    _sum: { newFollowers: true, unfollows: true, scans: true },
  });
  return days.map((d) => ({ day: d.day, newFollowers: d._sum.newFollowers ?? 0, unfollows: d._sum.unfollows ?? 0, scans: d._sum.scans ?? 0 }));
}

/** One point per day of the range (gaps filled with zeros), from the rollups of the scope. */
export async function getDailyTrend(accountId: string, range: { from: string; to: string }, scope: TrendScope = {}): Promise<TrendPoint[]> {
  const byDay = new Map((await rollups(accountId, range, scope)).map((r) => [r.day, r]));
  return daysBetween(range.from, range.to).map((day) => {
    const r = byDay.get(day);
    const newFollowers = r?.newFollowers ?? 0;
    const unfollows = r?.unfollows ?? 0;
    return { day, newFollowers, unfollows, net: newFollowers - unfollows, scans: r?.scans ?? 0 };
  });
}
