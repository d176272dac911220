// The days WeChat's datacube can answer for: Beijing-time days up to yesterday, yesterday only after
// about 08:00 Beijing time, in calls of at most 7 days.
import { addDays, dayOf, daysBetween } from "../stats/day";
import { wallClock } from "../stats/zone-clock";

export const BEIJING = "Asia/Shanghai";
export const DATACUBE_MAX_DAYS = 7;
export const DATACUBE_READY_HOUR = 8;
export const DATACUBE_FIRST_DAY = "2014-12-01";

/** The latest day whose figures WeChat has published at `now`: yesterday from 08:00 Beijing time, else the day before. */
export function latestReadyDay(now = new Date()): string {
  const today = dayOf(now, BEIJING);
  return addDays(today, wallClock(now, BEIJING).hour >= DATACUBE_READY_HOUR ? -1 : -2);
}

/** The part of a day range WeChat can answer for at `now` (null when none of it is published yet). */
export function readyPart(range: { from: string; to: string }, now = new Date()): { from: string; to: string } | null {
  const to = range.to < latestReadyDay(now) ? range.to : latestReadyDay(now);
  const from = range.from > DATACUBE_FIRST_DAY ? range.from : DATACUBE_FIRST_DAY;
  return from <= to ? { from, to } : null;
}

/** Consecutive pieces of at most `max` days covering the range, oldest first (one datacube call each). */
export function splitRange(range: { from: string; to: string }, max = DATACUBE_MAX_DAYS): { from: string; to: string }[] {
  const days = daysBetween(range.from, range.to);
  const pieces: { from: string; to: string }[] = [];
  for (let i = 0; i < days.length; i += max) pieces.push({ from: days[i], to: days[Math.min(i + max, days.length) - 1] });
  return pieces;
}
