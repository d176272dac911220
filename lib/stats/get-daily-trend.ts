import { db } from "../db";
import { daysBetween } from "./day";

export type TrendPoint = { day: string; newFollowers: number; unfollows: number; net: number; scans: number };

/** One point per day of the range (gaps filled with zeros), from the account's or one promoter's rollups. */
export async function getDailyTrend(accountId: string, range: { from: string; to: string }, promoterId?: string): Promise<TrendPoint[]> {
  const where = { accountId, day: { gte: range.from, lte: range.to } };
  const select = { day: true, newFollowers: true, unfollows: true, scans: true } as const;
  const rows = promoterId
    ? await db().promoterDailyStat.findMany({ where: { ...where, promoterId }, select })
    : await db().accountDailyStat.findMany({ where, select });
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return daysBetween(range.from, range.to).map((day) => {
    const r = byDay.get(day);
    const newFollowers = r?.newFollowers ?? 0;
    const unfollows = r?.unfollows ?? 0;
    return { day, newFollowers, unfollows, net: newFollowers - unfollows, scans: r?.scans ?? 0 };
  });
}
