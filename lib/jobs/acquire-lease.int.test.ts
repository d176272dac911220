import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { acquireLease, releaseLease } from "./acquire-lease";

const TTL = 60_000;
const at = (ms: number) => new Date(Date.UTC(2026, 11, 4, 10) + ms);

beforeEach(resetDatabase);

describe("job leases (one holder per cluster)", () => {
  it("lets exactly one of several concurrent contenders take a fresh lease", async () => {
    const holders = ["instance-a", "instance-b", "instance-c", "instance-d"];
    const results = await Promise.all(holders.map((holder) => acquireLease("daily", { holder, ttlMs: TTL, now: at(0) })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await db().jobLease.findUniqueOrThrow({ where: { name: "daily" } });
    expect(row.holder).toBe(holders[results.indexOf(true)]);
  });

  it("lets one contender take an expired lease when several race for it", async () => {
    await acquireLease("daily", { holder: "old", ttlMs: TTL, now: at(0) });
    const results = await Promise.all(["a", "b", "c"].map((holder) => acquireLease("daily", { holder, ttlMs: TTL, now: at(TTL + 1) })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keeps others out until the lease expires, then hands it over; the holder renews", async () => {
    expect(await acquireLease("daily", { holder: "a", ttlMs: TTL, now: at(0) })).toBe(true);
    expect(await acquireLease("daily", { holder: "b", ttlMs: TTL, now: at(TTL - 1) })).toBe(false);
    expect(await acquireLease("daily", { holder: "a", ttlMs: TTL, now: at(TTL - 1) })).toBe(true); // renewed to 2·TTL − 1
    expect(await acquireLease("daily", { holder: "b", ttlMs: TTL, now: at(TTL + 1) })).toBe(false);
    expect(await acquireLease("daily", { holder: "b", ttlMs: TTL, now: at(2 * TTL) })).toBe(true); // expired: taken over
    expect(await acquireLease("daily", { holder: "a", ttlMs: TTL, now: at(2 * TTL + 1) })).toBe(false);
    expect((await db().jobLease.findUniqueOrThrow({ where: { name: "daily" } })).holder).toBe("b");
  });

  it("frees the lease on release, only for its holder; leases of other jobs are separate", async () => {
    await acquireLease("daily", { holder: "a", ttlMs: TTL, now: at(0) });
    expect(await acquireLease("other", { holder: "b", ttlMs: TTL, now: at(0) })).toBe(true);
    await releaseLease("daily", "b"); // not b's: nothing happens
    expect(await acquireLease("daily", { holder: "b", ttlMs: TTL, now: at(1) })).toBe(false);
    await releaseLease("daily", "a");
    expect(await acquireLease("daily", { holder: "b", ttlMs: TTL, now: at(2) })).toBe(true);
  });
});
