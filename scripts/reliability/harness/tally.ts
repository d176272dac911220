// Summaries of many responses: a status histogram and latency percentiles.
import { fmt } from "./context";
import type { HttpResult } from "./http";
import { isSuccess } from "./push";

export function statusHistogram(results: HttpResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) {
    const key = isSuccess(r) ? "success" : r.status ? `${r.status} ${r.body.slice(0, 20)}` : (r.error ?? "no response");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k}×${fmt(n)}`).join(", ");
}

export function latencySummary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}
