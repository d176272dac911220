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
