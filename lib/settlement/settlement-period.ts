// Settlement periods: whole calendar days in the account's time zone, settled only once closed.
import { addDays, dayOf, dayStart, isDay } from "../stats/day";

export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;

/**
 * A period is closed once every follow in it can be decided: its last day has ended and N more days
 * (the account's qualifyDays) have passed since, in the account's time zone.
 */
export function isPeriodClosed(toDay: string, qualifyDays: number, timeZone: string, now = new Date()): boolean {
  return dayStart(addDays(toDay, 1), timeZone).getTime() + qualifyDays * DAY_MS <= now.getTime();
}

/** The latest day a period can end on today. */
export function lastClosedDay(qualifyDays: number, timeZone: string, now = new Date()): string {
  let day = dayOf(new Date(now.getTime() - qualifyDays * DAY_MS), timeZone);
  while (!isPeriodClosed(day, qualifyDays, timeZone, now)) day = addDays(day, -1);
  return day;
}

export type PeriodProblem = "invalidDay" | "order" | "tooLong" | "notClosed";

/** What is wrong with a period, or null when it can be settled now. */
export function periodProblem(fromDay: string, toDay: string, qualifyDays: number, timeZone: string, now = new Date()): PeriodProblem | null {
  if (!isDay(fromDay) || !isDay(toDay)) return "invalidDay";
  if (fromDay > toDay) return "order";
  if (addDays(fromDay, MAX_PERIOD_DAYS - 1) < toDay) return "tooLong";
  if (!isPeriodClosed(toDay, qualifyDays, timeZone, now)) return "notClosed";
  return null;
}

/** The period the new-run form proposes: the day after the last run (or the previous month's first day) up to the latest closed day. */
export function suggestPeriod(lastToDay: string | null, qualifyDays: number, timeZone: string, now = new Date()): { fromDay: string; toDay: string } {
  const toDay = lastClosedDay(qualifyDays, timeZone, now);
  const fromDay = lastToDay ? addDays(lastToDay, 1) : `${addDays(`${dayOf(now, timeZone).slice(0, 8)}01`, -1).slice(0, 8)}01`;
  return { fromDay, toDay: toDay < fromDay ? fromDay : toDay };
}
