import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { attributeBatch } from "@/lib/ingest/attribute/attribute-batch";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { pipelineDb } from "@/lib/ingest/pipeline-db/get-pipeline-db";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { resetDatabase } from "@/test/reset-database";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { forgetActiveEndpoints } from "./active-endpoints";
import { LEASE_MS } from "./claim-deliveries";
import { deliverDue } from "./deliver-due";
import { redeliver } from "./redeliver";
import { createEndpoint, setEndpointEnabled } from "./save-endpoint";
import { sendPing } from "./send-ping";

// The outbox end to end on a real database, against a real receiver on 127.0.0.1 that checks
// every signature: enqueue in the attribution batch, delivery, retry after the receiver was down,
// giving up, redelivery, a sender that died holding its lease, and a batch re-run after a crash.
const T = 1_764_000_000;
const actor = { email: "ops@example.com" };
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let accountId = "";
let promoterId = "";
let teamId = "";

const follow = (openid: string, at = T) => ({ accountId, fromUser: openid, createTime: at, event: "subscribe", eventKey: "qrscene_1", ticket: null });
const later = (ms: number) => () => new Date(Date.now() + ms);
const deliveries = () => db().webhookDelivery.findMany({ orderBy: { id: "asc" }, include: { attemptLog: true } });

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1"; // the receiver is on 127.0.0.1
  resetEnvForTests();
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

beforeEach(async () => {
  await resetDatabase();
  forgetActiveEndpoints();
  receiver.received.length = 0;
  receiver.state.mode = "ok";
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000w1", appSecretEnc: "x", tokenEnc: "x" } })).id;
  teamId = (await db().team.create({ data: { accountId, name: "东区" } })).id;
  promoterId = (await db().promoter.create({ data: { accountId, name: "张三", teamId } })).id;
  await db().qrCode.create({ data: { accountId, promoterId, sceneId: 1, sceneKey: "1", status: "active" } });
});
afterEach(() => forgetActiveEndpoints());

async function endpoint(events = ["follow", "unfollow", "scan"], url = receiver.url) {
  const { endpoint: e, secret } = await createEndpoint(accountId, { url, events }, actor);
  receiver.state.secret = secret;
  forgetActiveEndpoints();
  return { ...e, secret };
}

describe("webhook outbox", () => {
  it("enqueues a follow in the attribution batch and delivers it signed, with promoter, team and scene", async () => {
    const e = await endpoint();
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: e.id }, select: { secretEnc: true } });
    expect(stored.secretEnc).not.toContain(e.secret); // sealed at rest
    await storeEvent(follow("o1"));
    await drainAttribution();
    const [pending] = await deliveries();
    const wechatEvent = await db().wechatEvent.findFirstOrThrow({ where: { fromUser: "o1" } });
    expect(pending).toMatchObject({ status: "pending", eventId: `evt_${wechatEvent.id}`, attempts: 0 });
    expect(await deliverDue(pipelineDb())).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got).toMatchObject({ signed: true, type: "follow", eventId: `evt_${wechatEvent.id}`, deliveryId: String(pending.id) });
    expect(got.body).toMatchObject({
      id: `evt_${wechatEvent.id}`, type: "follow", occurredAt: new Date(T * 1000).toISOString(), account: { id: accountId, appId: "wx00000000000000w1" },
      data: { openid: "o1", kind: "new_follow", promoter: { id: promoterId, name: "张三" }, scene: "1", team: { id: teamId, name: "东区" } },
    });
    const [done] = await deliveries();
    expect(done).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
    expect(done.attemptLog).toMatchObject([{ statusCode: 200, response: "ok", error: null }]);
    expect(await deliverDue(pipelineDb())).toBe(0); // nothing sent twice
  });

  it("enqueues nothing for accounts without endpoints, for unwanted types, or for disabled endpoints", async () => {
    await storeEvent(follow("o1"));
    await drainAttribution();
    expect(await db().webhookEvent.count()).toBe(0);
    const e = await endpoint(["unfollow"]);
    await storeEvent(follow("o2"));
    await storeEvent({ ...follow("o2", T + 60), event: "unsubscribe", eventKey: null });
    await drainAttribution();
    expect((await deliveries()).map((d) => d.eventId)).toHaveLength(1);
    expect(await db().webhookEvent.findFirstOrThrow()).toMatchObject({ type: "unfollow" });
    await setEndpointEnabled(accountId, e.id, false, actor);
    forgetActiveEndpoints();
    await storeEvent({ ...follow("o3"), event: "unsubscribe", eventKey: null });
    await drainAttribution();
    expect(await deliveries()).toHaveLength(1);
    expect(await deliverDue(pipelineDb())).toBe(0); // a disabled endpoint's pending deliveries wait
    expect(receiver.received).toHaveLength(0);
  });

  it("retries with backoff while the receiver is down and delivers once it is back, with the same ids", async () => {
    await endpoint();
    const port = receiver.port;
    await receiver.close(); // down: connection refused
    await storeEvent(follow("o1"));
    await drainAttribution();
    expect(await deliverDue(pipelineDb())).toBe(1);
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect(await deliverDue(pipelineDb())).toBe(0); // not before its time
    const secret = receiver.state.secret;
    receiver = await startWebhookReceiver(port);
    receiver.state.secret = secret;
    expect(await deliverDue(pipelineDb(), { now: later(60_000) })).toBe(1);
    const [done] = await deliveries();
    expect(done).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200, id: failed.id, eventId: failed.eventId });
    expect(done.attemptLog.map((a) => a.statusCode)).toEqual([null, 200]);
    expect(receiver.received).toMatchObject([{ eventId: failed.eventId, signed: true }]);
  });

  it("gives up after a day of 500s, keeps each answer, and delivers again on manual redelivery", async () => {
    await endpoint();
    receiver.state.mode = "error";
    await storeEvent(follow("o1"));
    await drainAttribution();
    let hour = 0;
    while ((await db().webhookDelivery.findFirstOrThrow()).status === "pending" && hour < 30) await deliverDue(pipelineDb(), { now: later(++hour * 3_600_000) });
    const failed = await db().webhookDelivery.findFirstOrThrow({ include: { attemptLog: true } });
    expect(failed.status).toBe("failed");
    expect(hour).toBeGreaterThanOrEqual(21); // the last retry (up to 2.4 h later) would fall past the day
    expect(failed.attemptLog.every((a) => a.statusCode === 500 && a.response === "receiver is down for maintenance")).toBe(true);
    receiver.state.mode = "ok";
    await redeliver(accountId, failed.id, actor);
    expect(await deliverDue(pipelineDb())).toBe(1);
    expect(await db().webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "delivered", attempts: failed.attempts + 1 });
    expect(receiver.received.at(-1)).toMatchObject({ eventId: failed.eventId, signed: true });
  });

  it("sends again what a sender claimed and never finished (it died), once its lease ran out", async () => {
    await endpoint();
    await storeEvent(follow("o1"));
    await drainAttribution();
    const { claimDeliveries } = await import("./claim-deliveries");
    const [taken] = await claimDeliveries(pipelineDb(), 10); // the sender that dies here
    expect(await deliverDue(pipelineDb())).toBe(0); // leased
    expect(await deliverDue(pipelineDb(), { now: later(LEASE_MS + 1000) })).toBe(1);
    expect(receiver.received).toMatchObject([{ eventId: taken.eventId, deliveryId: String(taken.id), signed: true }]);
  });

  it("makes no outbox row when the batch rolls back, and exactly one event per push when it is re-run", async () => {
    await endpoint();
    for (let i = 0; i < 30; i++) await storeEvent(follow(`o${i}`, T + i));
    const failing = { ...pipelineDb(), transaction: <R,>(work: Parameters<ReturnType<typeof pipelineDb>["transaction"]>[0]) =>
      pipelineDb().transaction(async (session) => {
        await work(session);
        throw new Error("killed before commit");
      }) as Promise<R> };
    await expect(attributeBatch(failing)).rejects.toThrow("killed before commit");
    expect(await db().webhookEvent.count()).toBe(0);
    await drainAttribution();
    await drainAttribution();
    expect(await db().webhookEvent.count()).toBe(30);
    expect(await db().webhookDelivery.count()).toBe(30);
    while (await deliverDue(pipelineDb())) { /* until the queue is empty */ }
    expect(new Set(receiver.received.map((r) => r.eventId)).size).toBe(30);
    expect(receiver.received.every((r) => r.signed)).toBe(true);
  });

  it("answers the test button at once with the receiver's status, and logs the ping", async () => {
    const e = await endpoint();
    const ok = await sendPing(accountId, e.id, actor);
    expect(ok).toMatchObject({ ok: true, statusCode: 200 });
    expect(receiver.received).toMatchObject([{ type: "ping", signed: true }]);
    receiver.state.mode = "error";
    expect(await sendPing(accountId, e.id, actor)).toMatchObject({ ok: false, statusCode: 500 });
    expect((await deliveries()).map((d) => d.status)).toEqual(["delivered", "failed"]);
    expect(await deliverDue(pipelineDb())).toBe(0); // pings are not retried by the worker
  });

  it("refuses non-http(s) URLs and, unless allowed, private targets", async () => {
    await expect(createEndpoint(accountId, { url: "ftp://example.com/x", events: ["follow"] }, actor)).rejects.toMatchObject({ field: "url", key: "urlInvalid" });
    await expect(createEndpoint(accountId, { url: "https://example.com/x", events: [] }, actor)).rejects.toThrow();
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "0";
    resetEnvForTests();
    try {
      await expect(createEndpoint(accountId, { url: "http://10.0.0.8/x", events: ["follow"] }, actor)).rejects.toMatchObject({ key: "urlPrivate" });
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
      resetEnvForTests();
    }
    expect(await db().webhookEndpoint.count()).toBe(0);
  });
});

describe("pruneWebhooks", () => {
  it("deletes delivered and failed deliveries past 30 days with their attempts and events, and keeps pending and recent ones", async () => {
    const { pruneWebhooks } = await import("./prune-webhooks");
    await endpoint();
    for (let i = 0; i < 3; i++) await storeEvent(follow(`o${i}`, T + i));
    await drainAttribution();
    await deliverDue(pipelineDb());
    const [old, pending, recent] = await deliveries();
    const past = new Date(Date.now() - 31 * 86_400_000);
    await db().webhookDelivery.update({ where: { id: old.id }, data: { createdAt: past } });
    await db().webhookEvent.update({ where: { id: old.eventId }, data: { createdAt: past } });
    await db().webhookDelivery.update({ where: { id: pending.id }, data: { createdAt: past, status: "pending" } });
    await db().webhookEvent.update({ where: { id: pending.eventId }, data: { createdAt: past } });
    expect(await pruneWebhooks(pipelineDb())).toEqual({ deliveries: 1, events: 1 });
    expect((await deliveries()).map((d) => d.id)).toEqual([pending.id, recent.id]);
    expect(await db().webhookAttempt.count({ where: { deliveryId: old.id } })).toBe(0);
    expect(await db().webhookEvent.count()).toBe(2);
  });
});
