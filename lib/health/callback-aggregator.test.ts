import { describe, expect, it } from "vitest";
import { CallbackAggregator, mergeRows } from "./callback-aggregator";
import { BUCKET_MS, KIND_NAMES, latencyIndex, latencyKind, LATENCY_BOUNDS_MS, NOT_STORED, refusalKind } from "./callback-kinds";
import { latencyPercentile } from "./latency-percentile";

const T0 = 1_764_000_000_000 - (1_764_000_000_000 % BUCKET_MS);

describe("CallbackAggregator", () => {
  it("counts per account, bucket and kind, with the latest time per kind", () => {
    const agg = new CallbackAggregator();
    agg.recordAccepted("a", 3, T0 + 10);
    agg.recordAccepted("a", 40, T0 + 20);
    agg.record("a", refusalKind("bad_signature"), T0 + 30);
    agg.record("", refusalKind("unknown_app_id"), T0 + 40);
    agg.record("b", NOT_STORED, T0 + BUCKET_MS + 5); // the next bucket
    const rows = agg.drain();
    expect(rows).toEqual(expect.arrayContaining([
      { accountId: "a", bucketMs: T0, kind: "accepted", count: 2, lastAtMs: T0 + 20 },
      { accountId: "a", bucketMs: T0, kind: "latency:5", count: 1, lastAtMs: 0 },
      { accountId: "a", bucketMs: T0, kind: "latency:50", count: 1, lastAtMs: 0 },
      { accountId: "a", bucketMs: T0, kind: "refused:bad_signature", count: 1, lastAtMs: T0 + 30 },
      { accountId: "", bucketMs: T0, kind: "refused:unknown_app_id", count: 1, lastAtMs: T0 + 40 },
      { accountId: "b", bucketMs: T0 + BUCKET_MS, kind: "not_stored", count: 1, lastAtMs: T0 + BUCKET_MS + 5 },
    ]));
    expect(rows).toHaveLength(6);
    expect(agg.drain()).toEqual([]); // drained: starts empty
  });

  it("counts unstored pushes by type, and past 100 types of an account as other", () => {
    const agg = new CallbackAggregator();
    agg.recordUntracked("a", "event", "CLICK", T0 + 1);
    agg.recordUntracked("a", "event", "CLICK", T0 + 9);
    agg.recordUntracked("a", "text", undefined, T0 + 2);
    agg.recordUntracked("a", "event", undefined, T0 + 3); // an event without Event
    agg.recordUntracked("b", "event", "VIEW", T0 + BUCKET_MS + 1);
    expect(agg.drain()).toEqual(expect.arrayContaining([
      { accountId: "a", bucketMs: T0, kind: "untracked:CLICK", count: 2, lastAtMs: T0 + 9 },
      { accountId: "a", bucketMs: T0, kind: "untracked:text", count: 1, lastAtMs: T0 + 2 },
      { accountId: "a", bucketMs: T0, kind: "untracked:event", count: 1, lastAtMs: T0 + 3 },
      { accountId: "b", bucketMs: T0 + BUCKET_MS, kind: "untracked:VIEW", count: 1, lastAtMs: T0 + BUCKET_MS + 1 },
    ]));
    for (let i = 0; i < 150; i++) agg.recordUntracked("c", "event", `forged_${i}`, T0);
    const rows = agg.drain();
    expect(rows).toHaveLength(101);
    expect(rows.find((r) => r.kind === "untracked:other")?.count).toBe(50);
    agg.recordUntracked("c", "event", "forged_0", T0); // a type already seen keeps its own row
    expect(agg.drain()).toEqual([{ accountId: "c", bucketMs: T0, kind: "untracked:forged_0", count: 1, lastAtMs: T0 }]);
  });

  it("keeps counting into the current bucket when the clock steps back", () => {
    const agg = new CallbackAggregator();
    agg.record("a", refusalKind("replay"), T0 + BUCKET_MS);
    agg.record("a", refusalKind("replay"), T0 + 5);
    expect(agg.drain()).toEqual([{ accountId: "a", bucketMs: T0 + BUCKET_MS, kind: "refused:replay", count: 2, lastAtMs: T0 + BUCKET_MS }]);
  });

  it("merges rows of the same key before an upsert", () => {
    const row = { accountId: "a", bucketMs: T0, kind: "accepted", count: 2, lastAtMs: 5 };
    expect(mergeRows([row, { ...row, count: 3, lastAtMs: 9 }, { ...row, kind: "not_stored" }])).toEqual([
      { ...row, count: 5, lastAtMs: 9 },
      { ...row, kind: "not_stored" },
    ]);
  });
});

describe("latency buckets and percentiles", () => {
  it("puts a latency in the first bucket whose bound is at or above it", () => {
    const bound = (ms: number) => LATENCY_BOUNDS_MS[latencyIndex(KIND_NAMES[latencyKind(ms)])];
    expect([0, 1, 1.5, 2, 4.9, 10, 5001, 1e9].map(bound)).toEqual([1, 1, 2, 2, 5, 10, 60_000, 60_000]);
    expect(latencyIndex("accepted")).toBe(-1);
    expect(latencyIndex("latency:7")).toBe(-1);
  });

  it("reads p50 and p99 as the upper bound of the bucket they fall in", () => {
    const counts = LATENCY_BOUNDS_MS.map(() => 0);
    expect(latencyPercentile(counts, 50)).toBeNull();
    counts[2] = 90; // ≤ 5 ms
    counts[5] = 9; // ≤ 50 ms
    counts[9] = 1; // ≤ 1000 ms
    expect(latencyPercentile(counts, 50)).toBe(5);
    expect(latencyPercentile(counts, 90)).toBe(5);
    expect(latencyPercentile(counts, 99)).toBe(50);
    expect(latencyPercentile(counts, 100)).toBe(1000);
    counts[12] = 100; // slower than 5 s
    expect(latencyPercentile(counts, 99)).toBe(60_000);
  });
});
