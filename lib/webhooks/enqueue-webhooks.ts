// The outbox: in the attribution batch's own transaction, each newly attributed event becomes a
// WebhookEvent (id evt_<WechatEvent id>) and one pending WebhookDelivery per enabled endpoint that
// wants its type — set-based, a few statements per batch, and nothing at all for accounts without
// endpoints. A batch that rolls back takes its outbox rows with it; a re-run finds the ids taken.
import { chunks, placeholders, timestamp, valuesList, bool, type SqlSession } from "../ingest/pipeline-db/sql-session";
import type { FollowerPlan } from "../ingest/attribute/plan-follower";
import { activeEndpoints } from "./active-endpoints";
import { buildPayload } from "./build-payload";
import { eventTypeOf, webhookEventId, type WebhookEventType } from "./event-types";
import { RETRY_WINDOW_MS } from "./retry-schedule";
import { nudgeWebhooks } from "./webhook-worker";

const ROWS = 400;
type Planned = { accountId: string; plans: FollowerPlan[] }[];
type Row = { id: string; accountId: string; type: WebhookEventType; occurredAt: Date; openid: string; kind: FollowerPlan["inserts"][number]["kind"]; promoterId: string | null; scene: string | null };

async function lookups(session: SqlSession, accountIds: string[], promoterIds: string[]) {
  const apps = new Map((await session.all(`SELECT "id", "appId" FROM "Account" WHERE "id" IN (${placeholders(accountIds.length)})`, accountIds)).map((r) => [r.id as string, r.appId as string]));
  const promoters = new Map<string, { name: string; team: { id: string; name: string } | null }>();
  for (const part of chunks(promoterIds, ROWS)) {
    const rows = await session.all(`SELECT p."id", p."name", t."id" AS "teamId", t."name" AS "teamName" FROM "Promoter" p LEFT JOIN "Team" t ON t."id" = p."teamId" WHERE p."id" IN (${placeholders(part.length)})`, part);
    for (const r of rows) promoters.set(r.id as string, { name: r.name as string, team: r.teamId ? { id: r.teamId as string, name: r.teamName as string } : null });
  }
  return { apps, promoters };
}

/** Enqueues the batch's webhook events; returns how many events were new. */
export async function enqueueWebhooks(session: SqlSession, planned: Planned, now: Date): Promise<number> {
  const active = await activeEndpoints(session);
  if (!active.size) return 0;
  const rows: Row[] = [];
  for (const { accountId, plans } of planned) {
    const wanted = active.get(accountId);
    if (!wanted) continue;
    for (const plan of plans) for (const e of plan.inserts) {
      const type = eventTypeOf(e.kind);
      if (type && wanted.has(type)) rows.push({ id: webhookEventId(e.eventId), accountId, type, occurredAt: e.occurredAt, openid: plan.follower.openid, kind: e.kind, promoterId: e.promoterId, scene: e.sceneKey });
    }
  }
  if (!rows.length) return 0;
  const { apps, promoters } = await lookups(session, [...new Set(rows.map((r) => r.accountId))], [...new Set(rows.flatMap((r) => (r.promoterId ? [r.promoterId] : [])))]);
  const events = rows.map((r) => {
    const promoter = r.promoterId ? promoters.get(r.promoterId) : undefined;
    const body = buildPayload({
      id: r.id, type: r.type, occurredAt: r.occurredAt.toISOString(), account: { id: r.accountId, appId: apps.get(r.accountId) ?? "" },
      data: { openid: r.openid, kind: r.kind, promoter: r.promoterId && promoter ? { id: r.promoterId, name: promoter.name } : null, scene: r.scene, team: promoter?.team ?? null },
    });
    return { id: r.id, accountId: r.accountId, type: r.type, body, occurredAt: r.occurredAt };
  });
  return insertOutbox(session, events, now);
}

export type OutboxEvent = { id: string; accountId: string; type: WebhookEventType; body: string; occurredAt: Date };

/**
 * Stores events (ids stable, so a re-run inserts nothing twice) and a pending delivery for each
 * enabled endpoint of the account that wants the type; returns how many deliveries were new.
 */
export async function insertOutbox(session: SqlSession, events: OutboxEvent[], now: Date): Promise<number> {
  const p = session.provider;
  let created = 0;
  for (const part of chunks(events, ROWS)) {
    const params = part.flatMap((r) => [r.id, r.accountId, r.type, r.body, timestamp(p, r.occurredAt), timestamp(p, now)]);
    await session.run(`INSERT INTO "WebhookEvent" ("id", "accountId", "type", "payload", "occurredAt", "createdAt") VALUES ${valuesList(part.length, 6)} ON CONFLICT ("id") DO NOTHING`, params);
    created += await session.run(
      `INSERT INTO "WebhookDelivery" ("accountId", "endpointId", "eventId", "status", "attempts", "nextAttemptAt", "giveUpAt", "createdAt")
       SELECT e."accountId", ep."id", e."id", 'pending', 0, ?, ?, ?
         FROM "WebhookEvent" e JOIN "WebhookEndpoint" ep ON ep."accountId" = e."accountId" AND ep."enabled" = ? AND (',' || ep."events" || ',') LIKE ('%,' || e."type" || ',%')
        WHERE e."id" IN (${placeholders(part.length)})
       ON CONFLICT ("endpointId", "eventId") DO NOTHING`,
      [timestamp(p, now), timestamp(p, new Date(now.getTime() + RETRY_WINDOW_MS)), timestamp(p, now), bool(p, true), ...part.map((r) => r.id)],
    );
  }
  if (created) nudgeWebhooks();
  return created;
}
