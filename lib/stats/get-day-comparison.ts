import { db } from "../db";
import { addDays, dayOf, DEFAULT_TIMEZONE } from "./day";

export const COMPARED_METRICS = ["newFollowers", "net", "unfollows", "scans"] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];
export type DayFigures = Record<ComparedMetric, number>;

export type DayComparison = {
  days: { today: string; yesterday: string; lastWeek: string };
  today: DayFigures;
  yesterday: DayFigures;
  /** The same weekday a week ago. */
  lastWeek: DayFigures;
};

const figures = (r?: { newFollowers: number; unfollows: number; scans: number }): DayFigures => ({
  newFollowers: r?.newFollowers ?? 0,
  net: (r?.newFollowers ?? 0) - (r?.unfollows ?? 0),
  unfollows: r?.unfollows ?? 0,
  scans: r?.scans ?? 0,
});

/** Today so far against yesterday and the same weekday last week, in the account's time zone, from its daily rollups. */
export async function getDayComparison(accountId: string, timeZone = DEFAULT_TIMEZONE, now = new Date()): Promise<DayComparison> {
  const today = dayOf(now, timeZone);
  const days = { today, yesterday: addDays(today, -1), lastWeek: addDays(today, -7) };
  const rows = await db().accountDailyStat.findMany({
    where: { accountId, day: { in: Object.values(days) } },
    select: { day: true, newFollowers: true, unfollows: true, scans: true },
  });
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return { days, today: figures(byDay.get(days.today)), yesterday: figures(byDay.get(days.yesterday)), lastWeek: figures(byDay.get(days.lastWeek)) };
}
