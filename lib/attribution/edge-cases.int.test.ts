import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assignScene } from "@/lib/promoters/assign-scene";
import { createPromoter } from "@/lib/promoters/create-promoter";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { recordEvent, type TrackedEvent } from "./record-event";

// Attribution edge cases (issue 5): each through recordEvent, checked against the rollups.
const sim = simulatorForTests();
let account: { id: string; timezone: string };
let alice: string;
let bob: string;
const T = 1_763_700_000;

const follow = (openid: string, scene: string | null, createTime: number): TrackedEvent => ({
  fromUser: openid, createTime, event: "subscribe", eventKey: scene ? `qrscene_${scene}` : "", scene, ticket: null,
});
const unfollow = (openid: string, createTime: number): TrackedEvent => ({ fromUser: openid, createTime, event: "unsubscribe", eventKey: null, scene: null, ticket: null });
const scan = (openid: string, scene: string, createTime: number): TrackedEvent => ({ fromUser: openid, createTime, event: "SCAN", eventKey: scene, scene, ticket: null });

async function totals(promoterId: string, accountId = account.id) {
  const { _sum } = await db().promoterDailyStat.aggregate({ where: { accountId, promoterId }, _sum: { newFollowers: true, refollows: true, unfollows: true, scans: true } });
  return { newFollowers: _sum.newFollowers ?? 0, refollows: _sum.refollows ?? 0, unfollows: _sum.unfollows ?? 0, scans: _sum.scans ?? 0 };
}
async function accountTotals(accountId = account.id) {
  return (await db().accountDailyStat.aggregate({ where: { accountId }, _sum: { newFollowers: true, refollows: true, unfollows: true, unattributed: true, scans: true } }))._sum;
}

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  const created = await createTestAccount("wx1111111111111111", { name: "甲号", token: "t1" });
  account = { id: created.id, timezone: created.timezone };
  alice = (await createPromoter(account.id, { name: "Alice" }, { email: "t" })).promoterId; // scene 1
  bob = (await createPromoter(account.id, { name: "Bob" }, { email: "t" })).promoterId; // scene 2
});

describe("attribution edge cases", () => {
  it("follow → unfollow → follow again through another promoter's code", async () => {
    await recordEvent(account, follow("o1", "1", T));
    await recordEvent(account, unfollow("o1", T + 10));
    expect(await recordEvent(account, follow("o1", "2", T + 20))).toMatchObject({ kind: "refollow", promoterId: bob });
    expect(await totals(alice)).toEqual({ newFollowers: 1, refollows: 0, unfollows: 1, scans: 0 });
    expect(await totals(bob)).toEqual({ newFollowers: 0, refollows: 1, unfollows: 0, scans: 0 });
    expect(await db().follower.findFirstOrThrow({ where: { openid: "o1" } })).toMatchObject({ promoterId: alice, status: "following" });
  });

  it("a SCAN by a follower who never came through a code counts a scan, not a follower", async () => {
    await recordEvent(account, scan("o2", "1", T));
    expect(await totals(alice)).toEqual({ newFollowers: 0, refollows: 0, unfollows: 0, scans: 1 });
    expect(await db().follower.findFirstOrThrow({ where: { openid: "o2" } })).toMatchObject({ source: "preexisting", promoterId: null, status: "following" });
    expect((await accountTotals()).newFollowers ?? 0).toBe(0);
  });

  it("keeps the same openid apart in two accounts", async () => {
    const other = await db().account.create({ data: { name: "乙号", appId: "wx2222222222222222", appSecretEnc: "x", tokenEnc: "x" } });
    const carol = await db().promoter.create({ data: { accountId: other.id, name: "Carol" } });
    await db().qrCode.create({ data: { accountId: other.id, promoterId: carol.id, sceneId: 1, sceneKey: "1", status: "active" } });
    await recordEvent(account, follow("same-openid", "1", T));
    await recordEvent({ id: other.id, timezone: other.timezone }, follow("same-openid", "1", T));
    expect((await totals(alice)).newFollowers).toBe(1);
    expect((await totals(carol.id, other.id)).newFollowers).toBe(1);
    expect(await db().follower.count({ where: { openid: "same-openid" } })).toBe(2);
  });

  it("credits an unknown scene's follows to the promoter it is later given to, visibly marked", async () => {
    await recordEvent(account, follow("o3", "555", T));
    await recordEvent(account, scan("o4", "555", T + 5));
    expect((await accountTotals()).unattributed).toBe(1);
    const carol = (await createPromoter(account.id, { name: "Carol" }, { email: "t" })).promoterId;
    const assigned = await assignScene(account, carol, "555", { email: "t" });
    expect(assigned.credited).toBe(2);
    expect(await totals(carol)).toEqual({ newFollowers: 1, refollows: 0, unfollows: 0, scans: 1 });
    expect((await accountTotals()).unattributed).toBe(0);
    expect((await accountTotals()).newFollowers).toBe(1);
    const rows = await db().attribution.findMany({ where: { sceneKey: "555" } });
    expect(rows.every((r) => r.promoterId === carol && r.reassignedAt !== null)).toBe(true);
    expect(await db().follower.findFirstOrThrow({ where: { openid: "o3" } })).toMatchObject({ promoterId: carol, source: "qr" });
  });

  it("counts an unsubscribe that arrives before its (older) subscribe as if in order", async () => {
    await recordEvent(account, unfollow("o5", T + 100));
    await recordEvent(account, follow("o5", "1", T));
    expect(await totals(alice)).toEqual({ newFollowers: 1, refollows: 0, unfollows: 1, scans: 0 });
    expect((await accountTotals()).unfollows).toBe(1);
    expect(await db().follower.findFirstOrThrow({ where: { openid: "o5" } })).toMatchObject({ promoterId: alice, status: "unfollowed" });
    const corrected = await db().attribution.findFirstOrThrow({ where: { kind: "unfollow" } });
    expect(corrected).toMatchObject({ promoterId: alice });
    expect(corrected.reassignedAt).not.toBeNull();
  });

  it("keeps a follower following when an old unfollow arrives after a newer re-follow", async () => {
    await recordEvent(account, follow("o6", "1", T));
    await recordEvent(account, follow("o6", "2", T + 300));
    await recordEvent(account, unfollow("o6", T + 200));
    expect(await totals(alice)).toMatchObject({ newFollowers: 1, unfollows: 1 });
    expect(await totals(bob)).toMatchObject({ refollows: 1 });
    expect((await db().follower.findFirstOrThrow({ where: { openid: "o6" } })).status).toBe("following");
  });

  it("never allocates a scene that already arrives from a code made outside Scenecode", async () => {
    await recordEvent(account, follow("o7", "3", T));
    const dave = await createPromoter(account.id, { name: "Dave" }, { email: "t" });
    expect(dave.sceneId).toBe(4);
  });
});
