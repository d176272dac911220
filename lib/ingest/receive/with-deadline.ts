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
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(ms)), ms);
  });
  work.catch(() => {}); // a late failure after the deadline is already answered
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
