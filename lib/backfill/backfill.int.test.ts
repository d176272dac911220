import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { pipelineDb } from "@/lib/ingest/pipeline-db/get-pipeline-db";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { getLeaderboard } from "@/lib/stats/get-leaderboard";
import { getPromoterTotals } from "@/lib/stats/get-promoter-totals";
import { BackfillBusyError, claimRun } from "./backfill-run";
import { getBackfillStatus } from "./get-backfill-status";
import { reconcileFollowers } from "./reconcile-followers";
import { resumeDueBackfills } from "./resume-due-backfills";
import { settleBackfills } from "./start-backfill";
import { runBackfill } from "./run-backfill";

// The import of existing followers against the simulator, on the test database (SQLite or PostgreSQL):
// paging, quota stops and resumes, and each rule of how imported credits meet live events.
const APP_ID = "wx5555666677778888";
const sim = simulatorForTests();
const T = Math.floor(Date.now() / 1000) - 30 * 86_400;
let accountId = "";
let promoters: string[] = [];

async function promoter(name: string, sceneKey: string) {
  const p = await db().promoter.create({ data: { accountId, name } });
  await db().qrCode.create({ data: { accountId, promoterId: p.id, sceneKey, sceneId: /^\d+$/.test(sceneKey) ? Number(sceneKey) : null, sceneStr: /^\d+$/.test(sceneKey) ? null : sceneKey, status: "active" } });
  return p.id;
}

async function live(event: "subscribe" | "unsubscribe", openid: string, at: number, scene?: string) {
  await storeEvent({ accountId, fromUser: openid, createTime: at, event, eventKey: scene ? `qrscene_${scene}` : null, ticket: null });
  await drainAttribution();
}

async function backfill() {
  const run = await claimRun(accountId, null);
  return { run, outcome: await runBackfill(run) };
}

async function promoterSums(promoterId: string) {
  const { _sum } = await db().promoterDailyStat.aggregate({ where: { promoterId }, _sum: { newFollowers: true, backfilled: true, unfollows: true } });
  return { newFollowers: _sum.newFollowers ?? 0, backfilled: _sum.backfilled ?? 0, unfollows: _sum.unfollows ?? 0 };
}

beforeEach(async () => {
  await resetDatabase();
  const simulator = sim.use();
  simulator.state.followers.clear();
  simulator.state.userPageSize = 1_000; // several pages without a huge population
  accountId = (await createTestAccount(APP_ID)).id;
  promoters = [await promoter("甲", "1"), await promoter("乙", "2"), await promoter("丙", "3"), await promoter("丁", "shop-a")];
});

describe("runBackfill", () => {
  it("imports 2,500 followers over three pages and credits the known scenes apart from new followers", async () => {
    sim.current.state.followersOf(APP_ID); // the account exists in the simulator
    const { seedFollowers } = await import("@/lib/wechat/simulator/seed-followers");
    const counts = seedFollowers(sim.current.state.followersOf(APP_ID), { appId: APP_ID, count: 2_500, scenes: ["1", "2", "3", "shop-a"], qrPercent: 60, unknownPercent: 10, from: T });
    expect(counts).toEqual({ qr: 1_500, unknown: 250, organic: 750 });
    const { outcome } = await backfill();
    expect(outcome.status).toBe("done");
    const status = await getBackfillStatus(accountId);
    expect(status).toMatchObject({ status: "done", total: 2_500, listed: 2_500, imported: 2_500, credited: 1_500, corrected: 0, percent: 100 });
    for (const id of promoters) expect(await promoterSums(id)).toEqual({ newFollowers: 0, backfilled: 375, unfollows: 0 });
    const account = await db().accountDailyStat.aggregate({ where: { accountId }, _sum: { backfilled: true, newFollowers: true, unattributed: true } });
    expect(account._sum).toEqual({ backfilled: 2_500, newFollowers: 0, unattributed: 0 });
    expect(await db().attribution.count({ where: { accountId, kind: "backfilled", sceneKey: { startsWith: "9000" }, promoterId: null } })).toBe(250);
    const one = await db().follower.findFirstOrThrow({ where: { accountId, qrScene: "shop-a" } });
    expect(one).toMatchObject({ source: "backfilled", status: "following", subscribeScene: "ADD_SCENE_QR_CODE", promoterId: promoters[3] });
    expect(one.subscribeTime?.getTime()).toBe(one.firstFollowedAt?.getTime());
    // The leaderboard and promoter totals show the imported figure apart; new followers and net stay live-only.
    await live("subscribe", "oNewLive", Math.floor(Date.now() / 1000) - 60, "2");
    sim.current.state.recordEvent(APP_ID, "subscribe", "oNewLive", "2", Math.floor(Date.now() / 1000) - 60); // WeChat lists them too
    const board = await getLeaderboard(accountId, { from: "2000-01-01", to: "2100-12-31" }, { sort: "backfilled" });
    expect(board.rows.map((r) => [r.name, r.backfilled, r.newFollowers, r.net])).toEqual([["甲", 375, 0, 0], ["乙", 375, 1, 1], ["丙", 375, 0, 0], ["丁", 375, 0, 0]].sort((a, b) => Number(b[2]) - Number(a[2])));
    expect((await getPromoterTotals(accountId, [promoters[1]])).get(promoters[1])).toMatchObject({ backfilled: 375, newFollowers: 1, net: 1 });

    // A second import finds nothing new and counts nothing twice.
    await backfill();
    expect(await getBackfillStatus(accountId)).toMatchObject({ status: "done", listed: 2_501, imported: 0, credited: 0, corrected: 0 });
    expect(await promoterSums(promoters[0])).toEqual({ newFollowers: 0, backfilled: 375, unfollows: 0 });
    expect(await db().wechatEvent.count({ where: { accountId, event: "backfill" } })).toBe(2_501); // oNewLive's is ignored: live came first
  });

  it("pauses on 45009 until Beijing midnight, with the hint, and resumes where it stopped", async () => {
    const { seedFollowers } = await import("@/lib/wechat/simulator/seed-followers");
    seedFollowers(sim.current.state.followersOf(APP_ID), { appId: APP_ID, count: 3_000, scenes: ["1", "2"], qrPercent: 50, from: T });
    sim.current.state.failNext(-1, 1, "/cgi-bin/user/info/batchget", 3); // busy once: retried, not a stop
    sim.current.state.failNext(45009, 1_000, "/cgi-bin/user/info/batchget", 14);
    const first = await backfill();
    expect(first.outcome).toMatchObject({ status: "paused", errcode: 45009 });
    const paused = await getBackfillStatus(accountId);
    expect(paused).toMatchObject({ status: "paused", errcode: 45009, listed: 1_000, imported: 1_000 });
    expect(paused!.hint!.zh).toContain("明天");
    expect(new Date(paused!.pausedUntil!).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(paused!.pausedUntil!).getUTCHours()).toBe(16); // 00:00 in Beijing
    await expect(claimRun(accountId, null)).resolves.toMatchObject({ id: first.run.id, pageOffset: 0 }); // the paused run is the one resumed
    await expect(claimRun(accountId, null)).rejects.toBeInstanceOf(BackfillBusyError); // leased by that claim
    expect(await getBackfillStatus(accountId)).toMatchObject({ status: "running" });
    await db().backfillRun.update({ where: { id: first.run.id }, data: { leaseUntil: new Date(Date.now() - 1000) } }); // that claimer "crashed"
    expect(await getBackfillStatus(accountId)).toMatchObject({ status: "stalled" });
    sim.current.state.reset();
    const resumed = await backfill();
    expect(resumed.outcome.status).toBe("done");
    expect(resumed.run.id).toBe(first.run.id);
    expect(await getBackfillStatus(accountId)).toMatchObject({ status: "done", listed: 3_000, imported: 3_000, credited: 1_500 });
    expect(await db().follower.count({ where: { accountId } })).toBe(3_000);
    expect((await promoterSums(promoters[0])).backfilled + (await promoterSums(promoters[1])).backfilled).toBe(1_500);
  });

  it("resumes a paused import by itself once the quota has reset, not before", async () => {
    const { seedFollowers } = await import("@/lib/wechat/simulator/seed-followers");
    seedFollowers(sim.current.state.followersOf(APP_ID), { appId: APP_ID, count: 1_500, scenes: ["1"], from: T });
    sim.current.state.failNext(45009, 1_000, "/cgi-bin/user/info/batchget", 10);
    const { outcome } = await backfill();
    expect(outcome.status).toBe("paused");
    const { pausedUntil } = await db().backfillRun.findFirstOrThrow({ where: { accountId } });
    expect(await resumeDueBackfills(new Date(pausedUntil!.getTime() - 1_000))).toEqual([]);
    sim.current.state.reset();
    expect(await resumeDueBackfills(pausedUntil!)).toEqual([accountId]);
    await settleBackfills();
    expect(await getBackfillStatus(accountId)).toMatchObject({ status: "done", listed: 1_500, imported: 1_500 });
    expect(await db().auditLog.count({ where: { action: "followers.backfill.resume", actor: "system" } })).toBe(1);
  });

  it("allows one unfinished run per account", async () => {
    await claimRun(accountId, null);
    await expect(claimRun(accountId, null)).rejects.toBeInstanceOf(BackfillBusyError);
  });
});

describe("imported credits and live events", () => {
  const follows = (openid: string, at: number, scene?: string) => sim.current.state.recordEvent(APP_ID, "subscribe", openid, scene, at);

  it("backfill after live: the live credit stays, the import adds nothing", async () => {
    await live("subscribe", "oLive", T, "1");
    follows("oLive", T, "2"); // WeChat's view, even if it named another scene
    await backfill();
    expect(await db().follower.findFirstOrThrow({ where: { openid: "oLive" } })).toMatchObject({ source: "qr", promoterId: promoters[0], subscribeScene: "ADD_SCENE_QR_CODE", qrScene: "2" });
    expect(await promoterSums(promoters[0])).toEqual({ newFollowers: 1, backfilled: 0, unfollows: 0 });
    expect(await promoterSums(promoters[1])).toEqual({ newFollowers: 0, backfilled: 0, unfollows: 0 });
  });

  it("a live follow after the import wins: the imported credit is superseded, never counted twice", async () => {
    follows("oBoth", T, "1");
    await backfill();
    expect(await promoterSums(promoters[0])).toMatchObject({ backfilled: 1 });
    await live("subscribe", "oBoth", T + 86_400, "2");
    expect(await db().follower.findFirstOrThrow({ where: { openid: "oBoth" } })).toMatchObject({ source: "qr", promoterId: promoters[1], status: "following" });
    expect(await promoterSums(promoters[0])).toEqual({ newFollowers: 0, backfilled: 0, unfollows: 0 });
    expect(await promoterSums(promoters[1])).toEqual({ newFollowers: 1, backfilled: 0, unfollows: 0 });
    expect(await db().attribution.findFirstOrThrow({ where: { event: { event: "backfill", fromUser: "oBoth" } } })).toMatchObject({ kind: "superseded", promoterId: null });
  });

  it("a live unsubscribe after the import counts for the imported owner", async () => {
    follows("oLeaves", T, "3");
    await backfill();
    await live("unsubscribe", "oLeaves", T + 86_400);
    expect(await db().follower.findFirstOrThrow({ where: { openid: "oLeaves" } })).toMatchObject({ source: "backfilled", promoterId: promoters[2], status: "unfollowed" });
    expect(await promoterSums(promoters[2])).toEqual({ newFollowers: 0, backfilled: 1, unfollows: 1 });
  });

  it("reconciles: a follower WeChat no longer lists gets a marked unfollow; a listed one we think left is reported", async () => {
    await live("subscribe", "oGone", T, "1"); // we saw the follow, missed the unsubscribe
    await live("subscribe", "oBack", T, "2");
    await live("unsubscribe", "oBack", T + 60); // we saw them leave, missed the re-follow
    follows("oBack", T + 120, "2");
    follows("oStays", T, "3");
    await backfill();
    const status = await getBackfillStatus(accountId);
    expect(status).toMatchObject({ status: "done", corrected: 1 });
    expect(status!.report).toEqual({ missedUnsubscribes: { count: 1, sample: ["oGone"], applied: true }, listedButUnfollowed: { count: 1, sample: ["oBack"] } });
    expect(await db().follower.findFirstOrThrow({ where: { openid: "oGone" } })).toMatchObject({ status: "unfollowed", promoterId: promoters[0] });
    expect(await db().attribution.findFirstOrThrow({ where: { followerId: (await db().follower.findFirstOrThrow({ where: { openid: "oGone" } })).id, kind: "unfollow" } })).toMatchObject({ note: "reconciled", promoterId: promoters[0] });
    expect(await promoterSums(promoters[0])).toEqual({ newFollowers: 1, backfilled: 0, unfollows: 1 });
    expect(await db().follower.findFirstOrThrow({ where: { openid: "oStays" } })).toMatchObject({ status: "following" });
    // A second import corrects nothing twice.
    await backfill();
    expect(await getBackfillStatus(accountId)).toMatchObject({ corrected: 0 });
    expect(await promoterSums(promoters[0])).toEqual({ newFollowers: 1, backfilled: 0, unfollows: 1 });
  });

  it("never reconciles a follower who followed after the run started: the listing may have passed them", async () => {
    const startedAt = new Date(Date.now() - 60_000);
    await live("subscribe", "oLate", Math.floor(Date.now() / 1000) - 10, "1");
    const report = await reconcileFollowers(pipelineDb(), accountId, startedAt, 0);
    expect(report.missedUnsubscribes.count).toBe(0);
    expect(await db().follower.findFirstOrThrow({ where: { openid: "oLate" } })).toMatchObject({ status: "following" });
  });

  it("never unfollows a whole account on an empty listing: too many missing ones are reported, not applied", async () => {
    for (let i = 0; i < 101; i++) await storeEvent({ accountId, fromUser: `oMany${i}`, createTime: T + i, event: "subscribe", eventKey: "qrscene_1", ticket: null });
    await drainAttribution();
    const { outcome } = await backfill(); // the simulator lists nobody
    expect(outcome.status).toBe("done");
    const status = await getBackfillStatus(accountId);
    expect(status).toMatchObject({ corrected: 0, report: { missedUnsubscribes: { count: 101, applied: false } } });
    expect(await db().follower.count({ where: { accountId, status: "following" } })).toBe(101);
  });
});
