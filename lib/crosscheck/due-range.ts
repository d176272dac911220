import { addDays } from "../stats/day";

export const REFETCH_DAYS = 7; // WeChat may still correct recent days: the last week is fetched again
export const CATCH_UP_DAYS = 30; // missed days are caught up this far back

/** The days the daily run fetches for an account whose newest stored WeChat day is `newest` (null: none yet); null when up to date. */
export function dueRange(newest: string | null, latestReady: string): { from: string; to: string } | null {
  if (newest !== null && newest >= latestReady) return null;
  const week = addDays(latestReady, -(REFETCH_DAYS - 1));
  const oldest = addDays(latestReady, -(CATCH_UP_DAYS - 1));
  const missedFrom = newest === null ? week : addDays(newest, 1);
  if (missedFrom >= week) return { from: week, to: latestReady };
  return { from: missedFrom > oldest ? missedFrom : oldest, to: latestReady };
}
