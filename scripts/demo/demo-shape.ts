// The shape of a demo account's traffic: skewed promoter popularity, daily variation, time of day.
// Deterministic for a given seed (mulberry32), so two runs with the same flags write the same story.
export type Random = () => number;

export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index with probability proportional to its weight (cumulative table + binary search). */
export function weightedPicker(weights: number[], next: Random): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return () => {
    const x = next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Zipf-like popularity over a shuffled order, so scene "1" is not always the star; about 5 % of the
 * promoters never bring anyone (they still appear on the leaderboard, with zeros).
 */
export function promoterWeights(n: number, next: Random): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const weights = new Array<number>(n);
  order.forEach((promoter, rank) => (weights[promoter] = next() < 0.05 ? 0 : 1 / (rank + 1) ** 0.9));
  return weights;
}

/** Per-day weights: weekends busier, day-to-day noise, and two campaign spikes. */
export function dayWeights(days: number, firstWeekday: number, next: Random): number[] {
  const weights = Array.from({ length: days }, (_, d) => {
    const weekday = (firstWeekday + d) % 7;
    return (weekday === 0 || weekday === 6 ? 1.3 : 1) * (0.6 + 0.8 * next());
  });
  for (let k = 0; k < Math.min(2, days); k++) weights[Math.floor(next() * days)] *= 2.5;
  return weights;
}

/** Seconds into a day, mostly daytime and evening (a triangular bump around 15:00). */
export function timeOfDay(next: Random): number {
  const hours = 7 + 16 * ((next() + next() + next()) / 3);
  return Math.floor(hours * 3600 + next() * 3600) % 86400;
}
