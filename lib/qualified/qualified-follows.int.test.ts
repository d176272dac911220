import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { pipelineDb } from "@/lib/ingest/pipeline-db/get-pipeline-db";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { getLeaderboard } from "@/lib/stats/get-leaderboard";
import { forgetActiveEndpoints } from "@/lib/webhooks/active-endpoints";
import { createEndpoint } from "@/lib/webhooks/save-endpoint";
import { resetDatabase } from "@/test/reset-database";
import { qualifiedFollowId } from "./announce-qualified";
import { runQualifiedFollows } from "./run-qualified-follows";
import { saveQualifyDays } from "./save-qualify-days";

// 有效关注 end to end on a real database: the pipeline's rollup, the leaderboard's final and pending
// counts, the rebuild after qualifyDays changes, and the qualified-follow webhook sent once.
const DAY = 86_400;
const T = 1_764_000_000 - (1_764_000_000 % DAY) + 3600; // 01:00Z = 09:00 Beijing, one calendar day for every follow below
const actor = { email: "ops@example.com" };
let accountId = "";
const promoters: string[] = [];

type Row = { accountId: string; fromUser: string; createTime: number; event: string; eventKey: string | null; ticket: null };
const follow = (openid: string, scene: number, at: number): Row => ({ accountId, fromUser: openid, createTime: at, event: "subscribe", eventKey: `qrscene_${scene}`, ticket: null });
const unfollow = (openid: string, at: number): Row => ({ accountId, fromUser: openid, createTime: at, event: "unsubscribe", eventKey: null, ticket: null });
const store = async (rows: Row[]) => {
  for (const row of rows) await storeEvent(row);
  await drainAttribution();
};
const at = (s: number) => new Date(s * 1000);
const qualifiedOf = async (i: number) => (await db().promoterDailyStat.aggregate({ where: { promoterId: promoters[i] }, _sum: { qualified: true } }))._sum.qualified ?? 0;
const flag = async (openid: string) => (await db().follower.findFirstOrThrow({ where: { accountId, openid } })).qualified;
async function rounds(now: Date, holder = "test") {
  for (let i = 0; i < 20; i++) if (!(await runQualifiedFollows(pipelineDb(), holder, now)).more) return;
}

beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
  resetEnvForTests();
});
beforeEach(async () => {
  await resetDatabase();
  forgetActiveEndpoints();
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000q1", appSecretEnc: "x", tokenEnc: "x" } })).id;
  promoters.length = 0;
  for (const i of [1, 2]) {
    const p = await db().promoter.create({ data: { accountId, name: `P${i}` } });
    await db().qrCode.create({ data: { accountId, promoterId: p.id, sceneId: i, sceneKey: String(i), status: "active" } });
    promoters.push(p.id);
  }
  await store([
    follow("o1", 1, T), // stays: qualified
    follow("o2", 1, T + 100), unfollow("o2", T + DAY), // leaves inside the window
    follow("o3", 1, T + 200), unfollow("o3", T + DAY), follow("o3", 2, T + 2 * DAY), // back before t + N: qualified, for P1
    follow("o4", 2, T + 300), unfollow("o4", T + 300 + 3 * DAY), // exactly at t + N: not qualified
    follow("o5", 2, T + 400), // qualified until its late unfollow arrives
    follow("o6", 1, T + 500), unfollow("o6", T + 500 + 5 * DAY), // qualified under N = 3, not under N = 7
  ]);
});
afterEach(() => forgetActiveEndpoints());

describe("qualified follows (有效关注)", () => {
  it("are maintained in the rollup by the pipeline, late and out-of-order events included", async () => {
    expect([await flag("o1"), await flag("o2"), await flag("o3"), await flag("o4"), await flag("o5"), await flag("o6")]).toEqual([true, false, true, false, true, true]);
    expect([await qualifiedOf(0), await qualifiedOf(1)]).toEqual([3, 1]);
    await store([unfollow("o5", T + 400 + 2 * DAY)]); // arrives late, after the follow was counted
    expect(await flag("o5")).toBe(false);
    expect([await qualifiedOf(0), await qualifiedOf(1)]).toEqual([3, 0]);
  });

  it("show on the leaderboard as final once the day's N days have passed, as pending before", async () => {
    const day = new Date(T * 1000).toISOString().slice(0, 10);
    const range = { from: day, to: day };
    const early = await getLeaderboard(accountId, range, { timeZone: "Asia/Shanghai", now: at(T + 2 * DAY) });
    expect(early.rows.map((r) => [r.name, r.newFollowers, r.qualified, r.qualifyPending])).toEqual([["P1", 4, 0, 4], ["P2", 2, 0, 2]]);
    const late = await getLeaderboard(accountId, range, { timeZone: "Asia/Shanghai", now: at(T + 5 * DAY), sort: "qualified" });
    expect(late.rows.map((r) => [r.name, r.qualified, r.qualifyPending])).toEqual([["P1", 3, 0], ["P2", 1, 0]]);
  });

  it("are rebuilt from the events when the account changes N, with an audit entry; bad input changes nothing", async () => {
    for (const bad of [0, 91, "abc", 2.5]) await expect(saveQualifyDays(accountId, { qualifyDays: bad }, actor)).rejects.toBeInstanceOf(ZodError);
    expect((await db().account.findUniqueOrThrow({ where: { id: accountId } })).qualifyDays).toBe(3);
    expect(await saveQualifyDays(accountId, { qualifyDays: "7" }, actor)).toEqual({ changed: true, qualifyDays: 7 });
    expect(await saveQualifyDays(accountId, { qualifyDays: 7 }, actor)).toEqual({ changed: false, qualifyDays: 7 });
    const audit = await db().auditLog.findMany({ where: { action: "account.qualify-days" } });
    expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([{ from: 3, to: 7 }]);
    expect(await qualifiedOf(0)).toBe(3); // not yet rebuilt
    await rounds(at(T + 20 * DAY));
    expect(await flag("o6")).toBe(false);
    expect([await qualifiedOf(0), await qualifiedOf(1)]).toEqual([2, 1]);
    expect((await db().qualifiedFollowState.findUniqueOrThrow({ where: { accountId } })).rebuildOpenid).toBeNull();
    // New events follow the new N too.
    await store([follow("o7", 1, T + 600), unfollow("o7", T + 600 + 5 * DAY)]);
    expect(await flag("o7")).toBe(false);
  });

  it("send qualified-follow once per follow when its N days have passed, from one instance of the cluster", async () => {
    const { endpoint } = await createEndpoint(accountId, { url: "http://127.0.0.1:9/hook", events: ["qualified-follow"] }, actor);
    forgetActiveEndpoints();
    await rounds(at(T - DAY)); // the first round starts the cursor: history before it is not announced
    expect(await runQualifiedFollows(pipelineDb(), "other", at(T - DAY))).toEqual({ leased: false, more: false });
    await rounds(at(T + 3 * DAY + 150)); // only o1 is due (N days plus the grace)
    expect((await db().webhookEvent.findMany()).map((e) => JSON.parse(e.payload).data.openid)).toEqual(["o1"]);
    await rounds(at(T + 3 * DAY + 600 + 180));
    await rounds(at(T + 3 * DAY + 600 + 180)); // a second round decides nothing twice
    const events = await db().webhookEvent.findMany({ orderBy: { occurredAt: "asc" } });
    const followers = await db().follower.findMany({ where: { accountId } });
    const firstEvent = async (openid: string) => (await db().wechatEvent.findFirstOrThrow({ where: { accountId, fromUser: openid, event: "subscribe" }, orderBy: { createTime: "asc" } })).id;
    const idOf = async (openid: string) => qualifiedFollowId(followers.find((f) => f.openid === openid)!.id, await firstEvent(openid));
    expect(events.map((e) => e.id)).toEqual([await idOf("o1"), await idOf("o3"), await idOf("o5"), await idOf("o6")]);
    expect(events.every((e) => e.type === "qualified-follow")).toBe(true);
    const body = JSON.parse(events[0].payload);
    expect(body).toMatchObject({
      id: await idOf("o1"), type: "qualified-follow", occurredAt: at(T + 3 * DAY).toISOString(), account: { id: accountId, appId: "wx00000000000000q1" },
      data: { openid: "o1", kind: "new_follow", promoter: { id: promoters[0], name: "P1" }, scene: "1", team: null, followedAt: at(T).toISOString(), qualifyDays: 3 },
    });
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(4);
  });
});
