/**
 * Competition ranking ("1224"): one plus the number of promoters strictly ahead, so promoters with
 * the same count share a rank and nobody's place depends on when they were added.
 */
export function rankAmong(mine: number, everyone: number[]): number {
  return 1 + everyone.filter((n) => n > mine).length;
}
