import { beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/db/open-sqlite";
import { env } from "@/lib/env";
import { POST } from "@/app/api/wechat/[appId]/route";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { eventXml, pushRequest } from "@/test/wechat-push";
import { CallbackAggregator } from "./callback-aggregator";
import { BUCKET_MS, bucketStart, NOT_STORED, refusalKind } from "./callback-kinds";
import { flushCallbackCounters, KEEP_MS, pruneCallbackCounters } from "./flush-callback-counters";
import { getCallbackHealth } from "./get-callback-health";
import { callbackCounters } from "./record-callback";

const APP_ID = "wx0000000000health";
const TOKEN = "healthtoken";
let ours = "";
let theirs = "";

beforeEach(async () => {
  await resetDatabase();
  callbackCounters().drain(); // nothing left over from another test file's pushes
  ours = (await db().account.create({ data: { name: "甲", appId: APP_ID, appSecretEnc: "x", ...sealAccountSecrets({ token: TOKEN }) } })).id;
  theirs = (await db().account.create({ data: { name: "乙", appId: "wx0000000000other1", appSecretEnc: "x", tokenEnc: "x" } })).id;
});

describe("flushing the callback counters", () => {
  it("adds up what two instances counted in the same buckets, keeping the latest time", async () => {
    const now = Date.now();
    const [one, two] = [new CallbackAggregator(), new CallbackAggregator()];
    for (let i = 0; i < 30; i++) one.recordAccepted(ours, 3, now - 1000);
    for (let i = 0; i < 12; i++) two.recordAccepted(ours, 30, now - 500);
    two.record(ours, refusalKind("bad_signature"), now - 200);
    one.recordUntracked(ours, "event", "CLICK", now - 300);
    two.recordUntracked(ours, "event", "CLICK", now - 250);
    two.recordUntracked(ours, "text", undefined, now - 400);
    one.record(theirs, NOT_STORED, now);
    await Promise.all([flushCallbackCounters(one), flushCallbackCounters(two)]); // concurrently, as two instances would
    one.recordAccepted(ours, 3, now - 100); // a second flush adds to the same rows
    await flushCallbackCounters(one);
    const accepted = await db().callbackCounter.findUnique({ where: { accountId_bucketMs_kind: { accountId: ours, bucketMs: BigInt(bucketStart(now - 1000)), kind: "accepted" } } });
    if (bucketStart(now - 1000) === bucketStart(now - 100)) expect(accepted).toMatchObject({ count: 43, lastAtMs: BigInt(now - 100) });
    const health = await getCallbackHealth(ours, new Date(now));
    expect(health).toMatchObject({ pushes1h: 43, pushes24h: 43, notStored24h: 0, lastPushAt: new Date(now - 100), ackP50Ms: 5, ackP99Ms: 50 });
    expect(health.refused.bad_signature).toEqual({ count24h: 1, lastAt: new Date(now - 200) });
    expect(health.untracked24h).toEqual([
      { type: "CLICK", count: 2, lastAt: new Date(now - 250) },
      { type: "text", count: 1, lastAt: new Date(now - 400) },
    ]);
    expect((await getCallbackHealth(theirs, new Date(now))).untracked24h).toEqual([]);
    expect((await getCallbackHealth(theirs, new Date(now))).notStored24h).toBe(1); // scoped: the other account's counts stay apart
    expect((await getCallbackHealth(theirs, new Date(now))).pushes24h).toBe(0);
  });

  it("separates the last hour from the last day, shows unknown-AppID refusals on every account, and prunes old buckets", async () => {
    const now = Date.now();
    const agg = new CallbackAggregator();
    // In time order: an aggregator counts into its newest bucket (a clock stepping back stays there).
    agg.record(ours, refusalKind("replay"), now - KEEP_MS - 2 * BUCKET_MS); // older than the 8 days kept
    agg.recordAccepted(ours, 3, now - 30 * 3_600_000); // yesterday's: only in the 8 days
    agg.recordAccepted(ours, 3, now - 3 * 3_600_000); // 3 hours ago: in 24 h, not in the last hour
    agg.record("", refusalKind("unknown_app_id"), now - 60_000);
    await flushCallbackCounters(agg);
    const health = await getCallbackHealth(ours, new Date(now));
    expect(health).toMatchObject({ pushes1h: 0, pushes24h: 1, lastPushAt: new Date(now - 3 * 3_600_000), ackP50Ms: null });
    expect(health.refused.unknown_app_id.count24h).toBe(1);
    expect((await getCallbackHealth(theirs, new Date(now))).refused.unknown_app_id.count24h).toBe(1);
    expect(health.refused.replay.lastAt).not.toBeNull();
    expect(await pruneCallbackCounters(now, true)).toBe(1);
    expect((await getCallbackHealth(ours, new Date(now))).refused.replay.lastAt).toBeNull();
  });
});

describe("a flush while SQLite's write lock is held elsewhere", () => {
  it.runIf(env().databaseProvider === "sqlite")("keeps the counts for the next flush and writes them once", async () => {
    const agg = new CallbackAggregator();
    for (let i = 0; i < 5; i++) agg.recordAccepted(ours, 3);
    const blocker = openSqlite(env().sqlitePath!);
    blocker.exec("BEGIN IMMEDIATE"); // what an attribution batch or a backup does
    try {
      await expect(flushCallbackCounters(agg)).rejects.toThrow();
      expect(agg.pending.length).toBeGreaterThan(0);
    } finally {
      blocker.exec("ROLLBACK");
      blocker.close();
    }
    agg.recordAccepted(ours, 3);
    await flushCallbackCounters(agg);
    expect(agg.pending).toEqual([]);
    expect((await getCallbackHealth(ours)).pushes1h).toBe(6);
  });
});

describe("the callback route's counts", () => {
  const push = async (spec: Parameters<typeof pushRequest>[0], body?: string, appId = APP_ID) =>
    (await POST(pushRequest(spec, body), { params: Promise.resolve({ appId }) })).status;

  it("counts accepted pushes and each refusal by reason, with no database write per push", async () => {
    const spec = { appId: APP_ID, token: TOKEN, openid: "oHealth1", event: "subscribe" as const };
    expect(await push(spec)).toBe(200);
    expect(await push({ ...spec, openid: "oHealth2" })).toBe(200);
    expect(await push({ ...spec, token: "wrong" })).toBe(401);
    expect(await push({ ...spec, timestamp: Math.floor(Date.now() / 1000) - 3600 })).toBe(401);
    expect(await push(spec, "<xml><broken")).toBe(400);
    expect(await push({ ...spec, appId: "wx000000000unknown" }, undefined, "wx000000000unknown")).toBe(401);
    const replayed = pushRequest({ ...spec, openid: "oHealth3", nonce: "fixednonce1" });
    expect((await POST(replayed.clone(), { params: Promise.resolve({ appId: APP_ID }) })).status).toBe(200);
    const other = new Request(replayed.url, { method: "POST", body: eventXml({ openid: "oOther", event: "subscribe" }) });
    expect((await POST(other, { params: Promise.resolve({ appId: APP_ID }) })).status).toBe(401);
    expect(await db().callbackCounter.count()).toBe(0); // counted in memory until the flush
    await flushCallbackCounters();
    const health = await getCallbackHealth(ours);
    expect(health.pushes1h).toBe(3);
    expect(health.lastPushAt).not.toBeNull();
    expect(health.ackP99Ms).toEqual(expect.any(Number));
    expect(Object.fromEntries(Object.entries(health.refused).map(([r, v]) => [r, v.count24h]))).toEqual({
      bad_signature: 1, stale_timestamp: 1, decryption_failure: 0, malformed: 1, unknown_app_id: 1, replay: 1,
    });
  });
});
