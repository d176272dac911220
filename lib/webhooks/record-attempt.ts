// The outcome of one attempt: the attempt row, and the delivery delivered, rescheduled with
// backoff, or failed for good once the next try would fall past giveUpAt. Only a delivery still
// pending is changed (an operator may have deleted the endpoint meanwhile).
import { timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";
import { nextAttemptAt } from "./retry-schedule";
import type { AttemptResult } from "./send-webhook";
import type { ClaimedDelivery } from "./claim-deliveries";

export async function recordAttempt(database: PipelineDb, delivery: ClaimedDelivery, result: AttemptResult, startedAt: Date, now = new Date()) {
  const p = database.provider;
  const attempts = delivery.attempts + 1;
  const next = result.ok ? null : nextAttemptAt(attempts, now, delivery.giveUpAt);
  const status = result.ok ? "delivered" : next ? "pending" : "failed";
  await database.transaction(async (session) => {
    const changed = await session.run(
      `UPDATE "WebhookDelivery" SET "status" = ?, "attempts" = ?, "nextAttemptAt" = ?, "claimedUntil" = NULL, "lastStatusCode" = ?, "lastError" = ?, "deliveredAt" = ?
        WHERE "id" = ? AND "status" = 'pending'`,
      [status, attempts, timestamp(p, next ?? now), result.statusCode, result.error, result.ok ? timestamp(p, now) : null, delivery.id],
    );
    if (!changed) return;
    await session.run(
      `INSERT INTO "WebhookAttempt" ("deliveryId", "startedAt", "durationMs", "statusCode", "error", "response") VALUES (?, ?, ?, ?, ?, ?)`,
      [delivery.id, timestamp(p, startedAt), result.durationMs, result.statusCode, result.error, result.response],
    );
  });
  return status;
}
