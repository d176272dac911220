import { addDays, dayOf } from "./day";

const WEEK_MS = 7 * 86400_000;

/**
 * 7-day retention is read from the daily rollups (PromoterDailyStat.retained7 / newFollowers), so it
 * has day granularity: day D counts once the end of D, in the account's time zone, is at least 7 days
 * ago. This is the last such day.
 */
export function lastMatureDay(timeZone: string, now = new Date()): string {
  // now − 7 days falls inside this day, so the day before it is the last one that ended early enough.
  return addDays(dayOf(new Date(now.getTime() - WEEK_MS), timeZone), -1);
}

/** The days of the range whose new followers count toward 7-day retention, or null when none does. */
export function retentionDays(range: { from: string; to: string }, timeZone: string, now = new Date()) {
  const to = range.to < lastMatureDay(timeZone, now) ? range.to : lastMatureDay(timeZone, now);
  return range.from <= to ? { from: range.from, to } : null;
}

/** Retained ÷ eligible new followers; null (unknown, not zero) when none is eligible. */
export function retentionRate(eligible: number, retained: number): number | null {
  return eligible > 0 ? retained / eligible : null;
}
