import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dayOf } from "@/lib/stats/day";
import { resetDatabase } from "@/test/reset-database";
import { countPending } from "../monitor/count-pending";
import { pipelineDb } from "../pipeline-db/get-pipeline-db";
import { storeEvent } from "../store/store-event";
import { attributeBatch } from "./attribute-batch";
import { drainAttribution } from "./drain-attribution";

// The worker's batches against a real database: many followers at once, histories that span
// batches, two accounts, and the retention rollup.
const DAY = 86_400;
const T = 1_763_000_000;
let accounts: { id: string; promoters: string[] }[] = [];

async function account(appId: string, promoters: number) {
  const { id } = await db().account.create({ data: { name: appId, appId, appSecretEnc: "x", tokenEnc: "x" } });
  const ids: string[] = [];
  for (let i = 1; i <= promoters; i++) {
    const p = await db().promoter.create({ data: { accountId: id, name: `P${i}` } });
    await db().qrCode.create({ data: { accountId: id, promoterId: p.id, sceneId: i, sceneKey: String(i), status: "active" } });
    ids.push(p.id);
  }
  return { id, promoters: ids };
}

const follow = (accountId: string, openid: string, scene: number, at: number) => ({ accountId, fromUser: openid, createTime: at, event: "subscribe", eventKey: `qrscene_${scene}`, ticket: null });
const unfollow = (accountId: string, openid: string, at: number) => ({ accountId, fromUser: openid, createTime: at, event: "unsubscribe", eventKey: null, ticket: null });

async function sums(accountId: string) {
  const { _sum } = await db().promoterDailyStat.aggregate({ where: { accountId }, _sum: { newFollowers: true, unfollows: true, refollows: true, retained7: true } });
  return _sum;
}

beforeEach(async () => {
  await resetDatabase();
  accounts = [await account("wx00000000000000a1", 5), await account("wx00000000000000a2", 3)];
});

describe("attributeBatch", () => {
  it("attributes 1,500 pending events of two accounts in batches of 500, exactly as their order says", async () => {
    const [a, b] = accounts;
    const rows = [];
    for (let i = 0; i < 600; i++) rows.push(follow(a.id, `oa${i}`, (i % 5) + 1, T + i));
    for (let i = 0; i < 300; i++) rows.push(follow(b.id, `ob${i}`, (i % 3) + 1, T + i));
    for (let i = 0; i < 100; i++) rows.push(unfollow(a.id, `oa${i}`, T + 2 * DAY + i)); // within 7 days: not retained
    for (let i = 100; i < 200; i++) rows.push(unfollow(a.id, `oa${i}`, T + 9 * DAY + i)); // after 7 days: retained
    for (let i = 0; i < 50; i++) rows.push(follow(a.id, `oa${i}`, 2, T + 3 * DAY + i)); // re-follow after the early unfollow
    rows.push(...rows.slice(0, 450)); // WeChat's re-deliveries, in the same stream
    // Stored the way the callback stores them; the first stored event of a follower lands in an early batch, later ones later.
    await Promise.all(rows.map((row) => storeEvent(row)));
    expect((await countPending()).count).toBe(1_150); // acknowledged, waiting (SQLite: in the inbox)

    const first = await attributeBatch(pipelineDb(), 500);
    expect(first.attributed).toBeGreaterThanOrEqual(500); // the claimed 500 and their followers' other pending events
    await drainAttribution();
    expect(await db().wechatEvent.count({ where: { attributedAt: null } })).toBe(0);
    expect(await db().attribution.count()).toBe(1_150);

    expect(await sums(a.id)).toEqual({ newFollowers: 600, unfollows: 200, refollows: 50, retained7: 550 - 50 + 50 });
    expect(await sums(b.id)).toEqual({ newFollowers: 300, unfollows: 0, refollows: 0, retained7: 300 });
    const early = await db().follower.findFirstOrThrow({ where: { accountId: a.id, openid: "oa7" } });
    expect(early).toMatchObject({ status: "following", retained7: true, promoterId: a.promoters[2] });
    const late = await db().follower.findFirstOrThrow({ where: { accountId: a.id, openid: "oa150" } });
    expect(late).toMatchObject({ status: "unfollowed", retained7: true });
  });

  it("moves the retention count when a late event changes a follower's first week", async () => {
    const [a] = accounts;
    await storeEvent(follow(a.id, "olate", 1, T));
    await drainAttribution();
    const day = dayOf(new Date(T * 1000), "Asia/Shanghai");
    const row = () => db().promoterDailyStat.findFirstOrThrow({ where: { promoterId: a.promoters[0], day } });
    expect(await row()).toMatchObject({ newFollowers: 1, retained7: 1 });
    await storeEvent(unfollow(a.id, "olate", T + DAY)); // arrives later, happened within the week
    await drainAttribution();
    expect(await row()).toMatchObject({ newFollowers: 1, retained7: 0 }); // the unfollow itself counts on its own day
    expect((await sums(a.id)).unfollows).toBe(1);
  });

  it("leaves nothing half-written when a batch fails, and the next run completes it", async () => {
    const [a] = accounts;
    for (let i = 0; i < 20; i++) await storeEvent(follow(a.id, `ofail${i}`, 1, T + i));
    const failing = { ...pipelineDb(), transaction: <T,>(work: Parameters<ReturnType<typeof pipelineDb>["transaction"]>[0]) =>
      pipelineDb().transaction(async (session) => {
        await work(session);
        throw new Error("crash before commit");
      }) as Promise<T> };
    await expect(attributeBatch(failing)).rejects.toThrow("crash before commit");
    expect(await db().attribution.count()).toBe(0);
    expect(await db().follower.count()).toBe(0);
    expect(await db().wechatEvent.count({ where: { attributedAt: null } })).toBe(20);
    await drainAttribution();
    expect(await sums(a.id)).toMatchObject({ newFollowers: 20, retained7: 20 });
  });
});
