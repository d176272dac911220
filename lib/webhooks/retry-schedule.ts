// When a failed delivery is tried again: exponential backoff from 10 s, doubling, capped at 2 h
// between attempts, with ±20% jitter so endpoints that failed together do not retry in step.
// Retries stop at the delivery's giveUpAt (24 h after it was enqueued or redelivered).
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 10_000;
const MAX_DELAY_MS = 2 * 60 * 60 * 1000;

/** The wait after the `attempts`-th failed attempt (1 = the first). */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The next attempt's time, or null when it would fall past giveUpAt (the delivery has failed). */
export function nextAttemptAt(attempts: number, now: Date, giveUpAt: Date, random = Math.random): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts, random));
  return next.getTime() > giveUpAt.getTime() ? null : next;
}
