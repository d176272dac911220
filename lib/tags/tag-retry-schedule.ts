// When a tag job that failed for a passing reason (WeChat busy, a network error) is tried again.
const DELAYS_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000];

/** Attempts after which a row is marked failed (the first and one after each delay: about 11 hours). */
export const MAX_ATTEMPTS = DELAYS_MS.length + 1;

/** The next attempt after `attempts` failures, or null once they are used up. */
export function nextAttemptAfter(attempts: number, now = new Date()): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + DELAYS_MS[Math.max(0, attempts - 1)]);
}

