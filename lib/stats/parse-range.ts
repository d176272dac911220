import { addDays, isDay, lastDays } from "./day";

export const MAX_RANGE_DAYS = 366;

/** A from/to day range from query values; invalid or missing values fall back to the last `days` days. */
export function parseRange(from: string | undefined, to: string | undefined, timeZone: string, days = 30, now = new Date()) {
  const fallback = lastDays(days, timeZone, now);
  if (!from && !to) return { ...fallback, valid: true };
  if (!from || !to || !isDay(from) || !isDay(to) || from > to || addDays(from, MAX_RANGE_DAYS - 1) < to) return { ...fallback, valid: false };
  return { from, to, valid: true };
}
