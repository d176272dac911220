// Timing and heap helpers for the leaderboard benchmark: several surfaces against one slow baseline,
// interleaved so that drift (caches, checkpoints, autovacuum, a neighbour's load) hits all alike.
import { elapsed, median } from "../timing";

export type Surfaces = Record<string, () => Promise<unknown>>;

/**
 * One warm-up of everything, then `rounds` rounds of: the baseline once, then each surface
 * `perRound` times (the order rotating per round). Returns the medians in milliseconds.
 */
export async function timeAgainstBaseline(baseline: () => Promise<unknown>, surfaces: Surfaces, rounds = 7, perRound = 3) {
  const names = Object.keys(surfaces);
  await baseline();
  for (const name of names) await surfaces[name]();
  const baseTimes: number[] = [];
  const times = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    baseTimes.push(await elapsed(baseline));
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      for (let i = 0; i < perRound; i++) times.get(name)!.push(await elapsed(surfaces[name]));
    }
  }
  const medians = Object.fromEntries(names.map((n) => [n, median(times.get(n)!)]));
  return { baseline: median(baseTimes), medians, runs: rounds * perRound, baselineRuns: rounds };
}

const gc = (globalThis as { gc?: () => void }).gc;

function settled() {
  gc?.();
  gc?.();
  return process.memoryUsage();
}

/**
 * Heap and RSS after forced GC, before and after serving `rounds` rounds of every surface (after a
 * warm-up of `warmUp` rounds, so lazily built caches such as Prisma's query plans are already there).
 */
export async function heapAcross(surfaces: Surfaces, rounds = 100, warmUp = 5) {
  const serveAll = async () => {
    for (const run of Object.values(surfaces)) await run();
  };
  for (let i = 0; i < warmUp; i++) await serveAll();
  const before = settled();
  let peakRss = before.rss;
  for (let i = 0; i < rounds; i++) {
    await serveAll();
    if (i % 10 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const after = settled();
  return { before, after, peakRss, rounds, forcedGc: Boolean(gc) };
}
