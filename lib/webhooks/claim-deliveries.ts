// Taking due deliveries to send: a lease (claimedUntil) marks them taken, so another sender —
// another instance, or this one after a crash — takes them only once the lease has run out.
// PostgreSQL: FOR UPDATE SKIP LOCKED lets instances claim side by side; SQLite has one writer.
import { bool, timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";

export const LEASE_MS = 30_000; // three times one attempt's 10 s timeout: a round (all at once) ends well inside it

export type ClaimedDelivery = { id: number; endpointId: string; eventId: string; attempts: number; giveUpAt: Date; url: string; secretEnc: string; type: string; payload: string };

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export async function claimDeliveries(database: PipelineDb, limit: number, now = new Date()): Promise<ClaimedDelivery[]> {
  const p = database.provider;
  const at = timestamp(p, now);
  // A read first: an idle poll (nothing due, or no webhooks at all) takes no write lock.
  const due = await database.read(`SELECT 1 FROM "WebhookDelivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= ? LIMIT 1`, [at]);
  if (!due.length) return [];
  const ids = await database.transaction(async (session) => {
    const rows = await session.all<{ id: number }>(
      `UPDATE "WebhookDelivery" SET "claimedUntil" = ?
        WHERE "id" IN (SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" ep ON ep."id" = d."endpointId" AND ep."enabled" = ?
                        WHERE d."status" = 'pending' AND d."nextAttemptAt" <= ? AND (d."claimedUntil" IS NULL OR d."claimedUntil" < ?)
                        ORDER BY d."nextAttemptAt" LIMIT ?${p === "postgresql" ? " FOR UPDATE OF d SKIP LOCKED" : ""})
        RETURNING "id"`,
      [timestamp(p, new Date(now.getTime() + LEASE_MS)), bool(p, true), at, at, limit],
    );
    return rows.map((r) => Number(r.id));
  });
  if (!ids.length) return [];
  const rows = await database.read(
    `SELECT d."id", d."endpointId", d."eventId", d."attempts", d."giveUpAt", ep."url", ep."secretEnc", e."type", e."payload"
       FROM "WebhookDelivery" d JOIN "WebhookEndpoint" ep ON ep."id" = d."endpointId" JOIN "WebhookEvent" e ON e."id" = d."eventId"
      WHERE d."id" IN (${ids.map(() => "?").join(", ")})`,
    ids,
  );
  return rows.map((r) => ({
    id: Number(r.id), endpointId: r.endpointId as string, eventId: r.eventId as string, attempts: Number(r.attempts), giveUpAt: toDate(r.giveUpAt),
    url: r.url as string, secretEnc: r.secretEnc as string, type: r.type as string, payload: r.payload as string,
  }));
}
