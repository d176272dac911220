import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { claimTagBatch, LEASE_MS } from "./claim-tag-batch";
import { createTagMapping, TagInputError } from "./create-tag-mapping";
import { deleteTagMapping } from "./delete-tag-mapping";
import { listTagMappings } from "./list-tag-mappings";
import { retryFailedTags } from "./retry-failed-tags";
import { runTagBatch } from "./run-tag-batch";
import { tagExistingFollowers } from "./tag-existing-followers";
import { tagDue } from "./tagging-worker";

// Channel tags against the simulator, on the test database (SQLite or PostgreSQL): mappings made with
// tags/create, jobs queued by the attribution batch, the worker's batches and each WeChat failure.
const APP_ID = "wx7777888899990000";
const sim = simulatorForTests();
const actor = { email: "admin@example.com" };
let accountId = "";
let teamId = "";
let promoterA = "";
let promoterB = "";
let codeB = "";
let clock = Date.now();
const now = () => new Date(Math.max(clock, Date.now())); // never behind the attribution batch's own clock

async function promoter(name: string, sceneKey: string, team?: string) {
  const p = await db().promoter.create({ data: { accountId, name, teamId: team ?? null } });
  const code = await db().qrCode.create({ data: { accountId, promoterId: p.id, sceneKey, sceneId: Number(sceneKey), status: "active" } });
  return { id: p.id, codeId: code.id };
}

/** A follow through a promoter's code, as WeChat pushes it and as the simulator then lists the follower. */
async function follow(openid: string, scene: string) {
  const at = Math.floor(clock / 1000) - 10;
  sim.current.state.recordEvent(APP_ID, "subscribe", openid, scene, at);
  await storeEvent({ accountId, fromUser: openid, createTime: at, event: "subscribe", eventKey: `qrscene_${scene}`, ticket: null });
  await drainAttribution();
}

const simTags = (openid: string) => sim.current.state.tags.ofUser(APP_ID, openid);
const rows = (status?: string) => db().followerTag.findMany({ where: { accountId, ...(status ? { status } : {}) }, orderBy: { id: "asc" } });
const tagCalls = () => sim.current.state.callCount("/cgi-bin/tags/members/batchtagging");

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  sim.current.state.followers.clear();
  sim.current.state.tags.clear();
  clock = Date.now();
  accountId = (await createTestAccount(APP_ID)).id;
  teamId = (await db().team.create({ data: { accountId, name: "华东组" } })).id;
  promoterA = (await promoter("甲", "1", teamId)).id;
  const b = await promoter("乙", "2");
  promoterB = b.id;
  codeB = b.codeId;
});

describe("createTagMapping", () => {
  it("creates the tag in WeChat, counts it against the budget, and refuses a second mapping of the same team", async () => {
    const { mapping } = await createTagMapping(accountId, { targetType: "team", targetId: teamId, name: "华东组粉丝" }, actor);
    expect(sim.current.state.tags.list(APP_ID)).toEqual([{ id: mapping.wechatTagId, name: "华东组粉丝", count: 0 }]);
    const page = await listTagMappings(accountId);
    expect(page.budget).toEqual({ used: 1, limit: 100 });
    expect(page.mappings[0]).toMatchObject({ name: "华东组粉丝", targetType: "team", targetName: "华东组" });
    await expect(createTagMapping(accountId, { targetType: "team", targetId: teamId, name: "别的" }, actor)).rejects.toMatchObject({ key: "alreadyMapped" });
    expect(await db().auditLog.count({ where: { action: "tag.create" } })).toBe(1);
  });

  it("takes over a WeChat tag of the same name (45157), rejects long names before calling WeChat, and reports 45056", async () => {
    sim.current.state.tags.create(APP_ID, "老客户");
    const { mapping } = await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "老客户" }, actor);
    expect(mapping.wechatTagId).toBe(100);
    await expect(createTagMapping(accountId, { targetType: "promoter", targetId: promoterB, name: "很".repeat(31) }, actor)).rejects.toThrow(/nameLong/);
    for (let i = 0; i < 99; i++) sim.current.state.tags.create(APP_ID, `t${i}`);
    const refused = await createTagMapping(accountId, { targetType: "promoter", targetId: promoterB, name: "满了" }, actor).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TagInputError);
    expect(refused).toMatchObject({ field: "form", key: "tooManyTags", errcode: 45056 });
    expect(await db().tagMapping.count()).toBe(1); // nothing changed
  });
});

describe("tagging followers", () => {
  it("queues new credited follows in the attribution batch and tags them in batches of at most 50", async () => {
    await createTagMapping(accountId, { targetType: "team", targetId: teamId, name: "华东组" }, actor);
    for (let i = 0; i < 120; i++) await follow(`oA${i}`, "1");
    await follow("oB0", "2"); // another promoter, not in the team
    expect(await rows("pending")).toHaveLength(120);
    await drainAttribution(); // a re-run queues nothing twice
    expect(await db().followerTag.count()).toBe(120);
    expect(await tagDue(10, now)).toBe(3); // 50 + 50 + 20
    expect(tagCalls()).toBe(3);
    expect(await rows("done")).toHaveLength(120);
    expect(simTags("oA7")).toEqual([100]);
    expect(simTags("oB0")).toEqual([]);
    expect((await listTagMappings(accountId)).mappings[0].counts).toEqual({ pending: 0, done: 120, failed: 0 });
  });

  it("tags a campaign's follows inside its window, and the existing followers of a promoter once", async () => {
    const today = new Date(clock).toISOString().slice(0, 10);
    const day = (d: number) => new Date(Date.parse(today) + d * 86_400_000).toISOString().slice(0, 10);
    const campaign = await db().campaign.create({ data: { accountId, name: "双十一", startDay: day(-2), endDay: day(2) } });
    await db().campaignCode.create({ data: { campaignId: campaign.id, qrCodeId: codeB } });
    await follow("oOld1", "2");
    await follow("oOld2", "2");
    await createTagMapping(accountId, { targetType: "campaign", targetId: campaign.id, name: "双十一" }, actor);
    const { mapping } = await createTagMapping(accountId, { targetType: "promoter", targetId: promoterB, name: "乙的粉丝", tagExisting: false }, actor);
    expect(await db().followerTag.count({ where: { tagMappingId: mapping.id } })).toBe(0);
    expect(await tagExistingFollowers(accountId, mapping.id, actor, { chunk: 1 })).toBe(2); // in steps of one ledger row
    expect(await tagExistingFollowers(accountId, mapping.id, actor)).toBe(0);
    await follow("oNew", "2");
    await tagDue(10, now);
    expect(simTags("oNew")).toEqual([100, 101]);
    expect(simTags("oOld1")).toEqual([100, 101]); // the campaign mapping queued its existing followers on creation
    expect(await rows("pending")).toHaveLength(0);
  });

  it("retries WeChat's system busy (-1) with backoff and then tags", async () => {
    await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "甲" }, actor);
    await follow("o1", "1");
    sim.current.state.failNext(-1, 3, "/cgi-bin/tags/members/batchtagging"); // withAccessToken retries twice itself
    await tagDue(10, now);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastErrorCode: -1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(clock);
    expect(await tagDue(10, now)).toBe(0); // not due yet
    clock = Date.now() + 11_000;
    await tagDue(10, now);
    expect((await rows())[0]).toMatchObject({ status: "done", attempts: 2, lastErrorCode: null });
    expect(simTags("o1")).toEqual([100]);
  });

  it("rests an account whose WeChat is unreachable: one failed call, not one per tag, then tags everyone", async () => {
    await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "甲" }, actor);
    await createTagMapping(accountId, { targetType: "promoter", targetId: promoterB, name: "乙" }, actor);
    await follow("o1", "1");
    await follow("o2", "2");
    const pointAt = (url: string) => ((process.env.WECHAT_API_BASE = url), resetEnvForTests());
    pointAt("http://127.0.0.1:9"); // nothing listens there
    expect(await tagDue(10, now)).toBe(1); // the other tag's batch is not even claimed
    expect((await rows()).map((r) => [r.openid, r.status, r.attempts])).toEqual([["o1", "pending", 1], ["o2", "pending", 0]]);
    pointAt(sim.current.url);
    expect(await tagDue(10, now)).toBe(0); // o2 is due, but the account rests
    clock = Date.now() + 11_000;
    expect(await tagDue(10, now)).toBe(2);
    expect((await rows("done")).map((r) => r.openid)).toEqual(["o1", "o2"]);
  });

  it("fails only the follower who left (40003) or holds 20 tags (45059); retry re-queues them", async () => {
    await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "甲" }, actor);
    for (let i = 0; i < 10; i++) await follow(`o${i}`, "1");
    sim.current.state.followersOf(APP_ID).unfollow("o3"); // WeChat knows; our unfollow push has not come yet
    for (let i = 0; i < 20; i++) sim.current.state.tags.apply(APP_ID, sim.current.state.tags.create(APP_ID, `x${i}`).errcode === 0 ? 101 + i : 0, ["o7"], () => true);
    await tagDue(10, now);
    const failed = await rows("failed");
    expect(failed.map((r) => [r.openid, r.lastErrorCode])).toEqual([["o3", 40003], ["o7", 45059]]);
    expect(await rows("done")).toHaveLength(8);
    const page = await listTagMappings(accountId);
    expect(page.failed.map((f) => f.errcode).sort()).toEqual([40003, 45059]);
    sim.current.state.recordEvent(APP_ID, "subscribe", "o3", "1");
    expect(await retryFailedTags(accountId, failed[0].tagMappingId, actor, failed[0].id)).toBe(1);
    await tagDue(10, now);
    expect((await rows("done")).map((r) => r.openid)).toContain("o3");
  });

  it("pauses the account's tagging on 45009 until midnight Beijing time, then resumes", async () => {
    await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "甲" }, actor);
    for (let i = 0; i < 60; i++) await follow(`o${i}`, "1");
    sim.current.state.failNext(45009, 1, "/cgi-bin/tags/members/batchtagging");
    expect(await tagDue(10, now)).toBe(1); // the second batch waits with the first
    const pending = await rows("pending");
    expect(pending).toHaveLength(60);
    const midnight = new Date(Math.floor((now().getTime() + 8 * 3_600_000) / 86_400_000 + 1) * 86_400_000 - 8 * 3_600_000);
    expect(new Set(pending.map((r) => r.nextAttemptAt.getTime()))).toEqual(new Set([midnight.getTime()]));
    expect((await listTagMappings(accountId, now())).pausedUntil?.getTime()).toBe(midnight.getTime());
    await follow("oLate", "1"); // queued while paused: it waits too, without asking WeChat again
    const calls = tagCalls();
    expect(await tagDue(10, now)).toBe(0);
    expect(tagCalls()).toBe(calls);
    clock = midnight.getTime() + 1000;
    expect(await tagDue(10, now)).toBe(2);
    expect(await rows("done")).toHaveLength(61);
  });

  it("keeps what was tagged when the quota runs out part-way (45009 after one call)", async () => {
    await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "甲" }, actor);
    for (let i = 0; i < 120; i++) await follow(`o${i}`, "1");
    sim.current.state.failNext(45009, 1, "/cgi-bin/tags/members/batchtagging", 1);
    expect(await tagDue(10, now)).toBe(2);
    expect(await rows("done")).toHaveLength(50);
    expect(await rows("pending")).toHaveLength(70);
    expect(sim.current.state.tags.list(APP_ID)[0].count).toBe(50);
  });

  it("re-claims a batch whose worker died mid-call once the lease runs out, and tags every follower once", async () => {
    await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "甲" }, actor);
    for (let i = 0; i < 5; i++) await follow(`o${i}`, "1");
    const abandoned = await claimTagBatch(now()); // the worker is killed here, before or during its call
    expect(abandoned?.rows).toHaveLength(5);
    expect(await claimTagBatch(now())).toBeNull(); // leased
    clock = Date.now() + LEASE_MS + 1000;
    const again = await claimTagBatch(now());
    expect(again?.rows.map((r) => r.id)).toEqual(abandoned?.rows.map((r) => r.id));
    await runTagBatch(again!, now());
    expect(await rows("done")).toHaveLength(5);
    expect(sim.current.state.tags.list(APP_ID)[0].count).toBe(5);
    expect(await claimTagBatch(now())).toBeNull();
  });

  it("deletes the tag in WeChat with the mapping", async () => {
    const { mapping } = await createTagMapping(accountId, { targetType: "promoter", targetId: promoterA, name: "甲" }, actor);
    await follow("o1", "1");
    await tagDue(10, now);
    await deleteTagMapping(accountId, mapping.id, actor);
    expect(sim.current.state.tags.list(APP_ID)).toEqual([]);
    expect(simTags("o1")).toEqual([]);
    expect(await db().followerTag.count()).toBe(0);
  });
});
