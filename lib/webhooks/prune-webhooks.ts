// The delivery log is kept for 30 days: older delivered and failed deliveries (with their attempts)
// are deleted, then events no delivery refers to any more. A few thousand rows per statement, so
// one pass never holds the write lock for long; the worker runs it hourly.
import { timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";

export const RETENTION_DAYS = 30;
const CHUNK = 2000;

/** Deletes what is past retention; resolves to the numbers of deliveries and events deleted. */
export async function pruneWebhooks(database: PipelineDb, now = new Date(), retentionDays = RETENTION_DAYS) {
  const cutoff = timestamp(database.provider, new Date(now.getTime() - retentionDays * 86_400_000));
  let deliveries = 0;
  let events = 0;
  for (let n = CHUNK; n === CHUNK; deliveries += n) {
    n = await database.transaction((s) => s.run(
      `DELETE FROM "WebhookDelivery" WHERE "id" IN (SELECT "id" FROM "WebhookDelivery" WHERE "createdAt" < ? AND "status" <> 'pending' LIMIT ${CHUNK})`, [cutoff]));
  }
  for (let n = CHUNK; n === CHUNK; events += n) {
    n = await database.transaction((s) => s.run(
      `DELETE FROM "WebhookEvent" WHERE "id" IN (SELECT e."id" FROM "WebhookEvent" e WHERE e."createdAt" < ?
         AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = e."id") LIMIT ${CHUNK})`, [cutoff]));
  }
  return { deliveries, events };
}
