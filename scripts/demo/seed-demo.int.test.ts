import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { resetDatabase } from "@/test/reset-database";
import { seedDemo } from "./seed-demo";

const NOW = new Date("2026-11-20T09:30:00Z");

/** Everything attribution derives from the raw events, in a comparable shape (follower ids aside). */
async function derived(accountId: string) {
  const client = db();
  const [followers, ledger, promoterStats, accountStats] = await Promise.all([
    client.follower.findMany({
      where: { accountId },
      orderBy: { openid: "asc" },
      select: { openid: true, promoterId: true, source: true, firstSceneKey: true, status: true, firstFollowedAt: true, lastFollowedAt: true, unfollowedAt: true, retained7: true, qualified: true },
    }),
    client.attribution.findMany({ where: { accountId }, orderBy: { eventId: "asc" }, select: { eventId: true, promoterId: true, qrCodeId: true, sceneKey: true, kind: true, occurredAt: true, day: true } }),
    client.promoterDailyStat.findMany({ where: { accountId }, orderBy: [{ promoterId: "asc" }, { day: "asc" }], omit: { id: true } }),
    client.accountDailyStat.findMany({ where: { accountId }, orderBy: { day: "asc" }, omit: { id: true } }),
  ]);
  return { followers, ledger, promoterStats, accountStats };
}

/** Forgets everything derived, lets the pipeline attribute the raw events from scratch, reads it back. */
async function rederive(accountId: string) {
  await db().$transaction([
    db().attribution.deleteMany({ where: { accountId } }),
    db().follower.deleteMany({ where: { accountId } }),
    db().promoterDailyStat.deleteMany({ where: { accountId } }),
    db().accountDailyStat.deleteMany({ where: { accountId } }),
    db().wechatEvent.updateMany({ where: { accountId }, data: { attributedAt: null } }),
  ]);
  await drainAttribution();
  return derived(accountId);
}

beforeEach(resetDatabase);

describe("seedDemo", () => {
  it("writes what the attribution pipeline derives from the same raw events", async () => {
    const seeded = await seedDemo({ appId: "wxdemo00000000test", reuse: false, promoters: 12, followers: 1500, days: 10, seed: 7, now: NOW });
    const accountId = seeded.account.id;
    expect(seeded.counts.followers).toBe(1500);
    expect(await db().wechatEvent.count({ where: { accountId } })).toBe(seeded.counts.events);
    expect(await db().wechatEvent.count({ where: { accountId, attributedAt: null } })).toBe(0);
    expect(seeded.counts.byEvent.unsubscribe).toBeGreaterThan(0);
    expect(seeded.counts.byEvent.SCAN).toBeGreaterThan(0);
    const asSeeded = await derived(accountId);
    expect(asSeeded.ledger).toHaveLength(seeded.counts.events);
    expect(asSeeded.promoterStats.some((s) => s.retained7 > 0)).toBe(true);
    expect(asSeeded.promoterStats.some((s) => s.qualified > 0 && s.qualified < s.newFollowers)).toBe(true);

    expect(await rederive(accountId)).toEqual(asSeeded);
  });

  it("refuses an existing account unless asked to reuse it, and then adds to its rollups", async () => {
    const options = { appId: "wxdemo00000000test", reuse: false, promoters: 3, followers: 40, days: 3, seed: 1, now: NOW };
    const first = await seedDemo(options);
    await expect(seedDemo(options)).rejects.toThrow(/--reuse/);
    await seedDemo({ ...options, reuse: true, now: new Date(NOW.getTime() + 1000) });
    const asSeeded = await derived(first.account.id);
    expect(asSeeded.followers).toHaveLength(80);
    expect(await rederive(first.account.id)).toEqual(asSeeded);
  });
});
