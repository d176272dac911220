import { LATENCY_BOUNDS_MS } from "./callback-kinds";

/**
 * The p-th percentile of a latency histogram, read as the upper bound of the bucket it falls in
 * (so "p99 ≤ 20 ms"); null without samples. The top bucket's bound (60 s) means "slower than 5 s".
 * counts[i] holds the samples at or below LATENCY_BOUNDS_MS[i] and above the bound before.
 */
export function latencyPercentile(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  // The rank of the sample that the percentile names (nearest-rank method).
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (seen >= rank) return LATENCY_BOUNDS_MS[i];
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}
