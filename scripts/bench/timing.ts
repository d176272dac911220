// Timing helpers: wall-clock milliseconds and medians of repeated runs.
import { performance } from "node:perf_hooks";

export async function elapsed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times two operations against each other: one warm-up each, then `runs` rounds that alternate
 * which goes first, so drift (caches, checkpoints, autovacuum) hits both sides alike.
 */
export async function compareMedians(measured: () => Promise<unknown>, baseline: () => Promise<unknown>, runs = 5) {
  await measured();
  await baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      b.push(await elapsed(baseline));
      a.push(await elapsed(measured));
    } else {
      a.push(await elapsed(measured));
      b.push(await elapsed(baseline));
    }
  }
  return { measured: median(a), baseline: median(b) };
}
