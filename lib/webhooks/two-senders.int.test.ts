import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env, resetEnvForTests } from "@/lib/env";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { pipelineDb } from "@/lib/ingest/pipeline-db/get-pipeline-db";
import { pgPipelineDb } from "@/lib/ingest/pipeline-db/pg-pipeline-db";
import type { PipelineDb } from "@/lib/ingest/pipeline-db/sql-session";
import { sqlitePipelineDb } from "@/lib/ingest/pipeline-db/sqlite-pipeline-db";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { resetDatabase } from "@/test/reset-database";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { forgetActiveEndpoints } from "./active-endpoints";
import { deliverDue } from "./deliver-due";
import { createEndpoint } from "./save-endpoint";

// Two instances' senders on one database (a connection each), draining one outbox at the same
// time: PostgreSQL's SKIP LOCKED and the lease must give each delivery to exactly one of them.
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let other: PipelineDb;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
  resetEnvForTests();
  receiver = await startWebhookReceiver();
  const config = env();
  other = config.databaseProvider === "postgresql" ? pgPipelineDb(config.DATABASE_URL) : sqlitePipelineDb(config.sqlitePath!);
});
afterAll(async () => {
  await other.close();
  await receiver.close();
});
beforeEach(resetDatabase);

it("two senders draining together send each delivery once", async () => {
  const accountId = (await db().account.create({ data: { name: "A", appId: "wx00000000000000s1", appSecretEnc: "x", tokenEnc: "x" } })).id;
  const { secret } = await createEndpoint(accountId, { url: receiver.url, events: ["follow"] }, { email: "ops@example.com" });
  receiver.state.secret = secret;
  receiver.state.delayMs = 20;
  forgetActiveEndpoints();
  for (let i = 0; i < 120; i++) await storeEvent({ accountId, fromUser: `o${i}`, createTime: 1_764_000_000 + i, event: "subscribe", eventKey: null, ticket: null });
  await drainAttribution();
  expect(await db().webhookDelivery.count()).toBe(120);
  const drain = async (database: PipelineDb) => {
    let sent = 0;
    for (let n = 1; n; sent += n) n = await deliverDue(database, { limit: 8 });
    return sent;
  };
  const [mine, theirs] = await Promise.all([drain(pipelineDb()), drain(other)]);
  expect(mine + theirs).toBe(120);
  expect(Math.min(mine, theirs)).toBeGreaterThan(0); // both took part
  expect(receiver.received).toHaveLength(120);
  expect(new Set(receiver.received.map((r) => r.eventId)).size).toBe(120);
  expect(await db().webhookDelivery.count({ where: { status: "delivered", attempts: 1 } })).toBe(120);
});
