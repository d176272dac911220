// The follow reply is extra: if it is not ready this fast, plain "success" goes out instead.
export const REPLY_BUDGET_MS = 1000;

export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`Not done within ${ms} ms`);
  }
}

/**
 * Settles with the work's result, or rejects with DeadlineError once `ms` pass. The work itself
 * goes on (a transaction that commits late is fine: WeChat's retry is then a deduplicated no-op).
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  // One promise and one timer a push (this is the callback's hot path; race + finally made four).
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineError(ms)), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)), // after the deadline: already answered, ignored
    );
  });
}

/**
 * Settles with the work's result, or with `fallback` when the work fails or is not done within `ms`
 * (at once when `ms` ≤ 0): for extras such as a passive reply that must never hold up the answer.
 */
export function withinBudget<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  // Same shape as withDeadline: one promise and one timer (race + finally made four).
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), Math.max(ms, 0));
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(fallback)),
    );
  });
}
