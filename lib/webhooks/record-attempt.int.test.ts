import { beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pipelineDb } from "@/lib/ingest/pipeline-db/get-pipeline-db";
import { resetDatabase } from "@/test/reset-database";
import { claimDeliveries } from "./claim-deliveries";
import { recordAttempts } from "./record-attempt";
import type { AttemptResult } from "./send-webhook";

// A round's outcomes land in one transaction: the deliveries that went through in one UPDATE per
// status code, the others one by one, an attempt row for each delivery that was still pending.
let accountId = "";
let endpointId = "";

const ok = (statusCode: number): AttemptResult => ({ ok: true, statusCode, durationMs: 3, error: null, response: "ok" });
const refused: AttemptResult = { ok: false, statusCode: 500, durationMs: 4, error: null, response: "boom" };

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } })).id;
  endpointId = (await db().webhookEndpoint.create({ data: { accountId, url: "http://127.0.0.1:9/hook", secretEnc: "x", secretLast4: "abcd", events: "follow" } })).id;
  const now = new Date();
  for (let i = 1; i <= 5; i++) {
    await db().webhookEvent.create({ data: { id: `evt_${i}`, accountId, type: "follow", payload: "{}", occurredAt: now, createdAt: now } });
    await db().webhookDelivery.create({ data: { accountId, endpointId, eventId: `evt_${i}`, nextAttemptAt: now, giveUpAt: new Date(now.getTime() + 86_400_000), createdAt: now, attempts: i === 4 ? 2 : 0 } });
  }
});

it("records delivered, retried and vanished deliveries of one round, each once", async () => {
  const now = new Date();
  const claimed = await claimDeliveries(pipelineDb(), 10, now);
  expect(claimed).toHaveLength(5);
  const byEvent = (id: string) => claimed.find((d) => d.eventId === id)!;
  await db().webhookDelivery.delete({ where: { id: byEvent("evt_5").id } }); // its endpoint's operator deleted it meanwhile
  const results: Record<string, AttemptResult> = { evt_1: ok(200), evt_2: ok(204), evt_3: ok(200), evt_4: refused, evt_5: ok(200) };
  const statuses = await recordAttempts(pipelineDb(), claimed.map((delivery) => ({ delivery, result: results[delivery.eventId], startedAt: now })), now);
  expect(Object.fromEntries(claimed.map((d, i) => [d.eventId, statuses[i]]))).toEqual({ evt_1: "delivered", evt_2: "delivered", evt_3: "delivered", evt_4: "pending", evt_5: "delivered" });
  const rows = await db().webhookDelivery.findMany({ orderBy: { eventId: "asc" }, include: { attemptLog: true } });
  expect(rows.map((r) => [r.eventId, r.status, r.attempts, r.lastStatusCode, r.claimedUntil, r.attemptLog.map((a) => a.statusCode)])).toEqual([
    ["evt_1", "delivered", 1, 200, null, [200]],
    ["evt_2", "delivered", 1, 204, null, [204]],
    ["evt_3", "delivered", 1, 200, null, [200]],
    ["evt_4", "pending", 3, 500, null, [500]],
  ]);
  expect(rows[0].deliveredAt?.getTime()).toBe(now.getTime());
  expect(rows[3].nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
  expect(await db().webhookAttempt.count()).toBe(4);
  const delivered = claimed.filter((d) => ["evt_1", "evt_2", "evt_3"].includes(d.eventId));
  await recordAttempts(pipelineDb(), delivered.map((delivery) => ({ delivery, result: ok(200), startedAt: now })), now); // a second sender's late record
  expect(await db().webhookAttempt.count()).toBe(4); // no longer pending: nothing changes
});
