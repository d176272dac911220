// 有效关注's time rule, shared by the rollups' readers, the webhook announcer and settlement: a credited
// first follow at t is decided at t + N days (N = Account.qualifyDays); before then it is pending (待定).
import { addDays, dayOf } from "../stats/day";

const DAY_MS = 86400_000;
export const MIN_QUALIFY_DAYS = 1;
export const MAX_QUALIFY_DAYS = 90;

/** The moment a follow at `followedAt` is decided: qualified iff still following then. */
export const qualifyDeadline = (followedAt: Date, qualifyDays: number) => new Date(followedAt.getTime() + qualifyDays * DAY_MS);

/**
 * The last day whose new followers are all decided: the end of day D, in the account's time zone, is
 * at least N days ago. The rollups have day granularity, so a day's qualified count is final from then.
 */
export function lastDecidedDay(timeZone: string, qualifyDays: number, now = new Date()): string {
  // now − N days falls inside this day, so the day before it is the last one that ended early enough.
  return addDays(dayOf(new Date(now.getTime() - qualifyDays * DAY_MS), timeZone), -1);
}

/** The range's days whose qualified counts are final (always its first days), or null when none is. */
export function decidedDays(range: { from: string; to: string }, timeZone: string, qualifyDays: number, now = new Date()) {
  const last = lastDecidedDay(timeZone, qualifyDays, now);
  const to = range.to < last ? range.to : last;
  return range.from <= to ? { from: range.from, to } : null;
}
