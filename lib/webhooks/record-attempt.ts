// The outcomes of a round's attempts, in one transaction: each attempt's row, and its delivery
// delivered, rescheduled with backoff, or failed for good once the next try would fall past
// giveUpAt. Only a delivery still pending is changed (an operator may have deleted the endpoint
// meanwhile). One commit a round, not one an attempt, and one UPDATE for the round's deliveries that
// went through: at a campaign's peak a commit per delivery was most of the delivery worker's
// database time (bench --only consumers). The lease keeps "attempts" + 1 equal to the claim's count.
import { timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";
import { nextAttemptAt } from "./retry-schedule";
import type { AttemptResult } from "./send-webhook";
import type { ClaimedDelivery } from "./claim-deliveries";

export type Attempted = { delivery: ClaimedDelivery; result: AttemptResult; startedAt: Date };
export type AttemptStatus = "delivered" | "pending" | "failed";

const statusOf = ({ delivery, result }: Attempted, now: Date) => {
  const attempts = delivery.attempts + 1;
  const next = result.ok ? null : nextAttemptAt(attempts, now, delivery.giveUpAt);
  return { attempts, next, status: (result.ok ? "delivered" : next ? "pending" : "failed") as AttemptStatus };
};

/** Records every attempt of the round; returns each delivery's new status, in order. */
export async function recordAttempts(database: PipelineDb, attempted: Attempted[], now = new Date()): Promise<AttemptStatus[]> {
  if (!attempted.length) return [];
  const p = database.provider;
  const outcomes = attempted.map((a) => statusOf(a, now));
  await database.transaction(async (session) => {
    const changed = new Set<number>();
    // Delivered with the same status code (nearly every attempt at a peak): one UPDATE for them all.
    const delivered = new Map<number | null, number[]>();
    for (const [i, a] of attempted.entries()) {
      if (outcomes[i].status === "delivered") delivered.set(a.result.statusCode, [...(delivered.get(a.result.statusCode) ?? []), a.delivery.id]);
    }
    for (const [statusCode, ids] of delivered) {
      const rows = await session.all<{ id: number | bigint }>(
        `UPDATE "WebhookDelivery" SET "status" = 'delivered', "attempts" = "attempts" + 1, "nextAttemptAt" = ?, "claimedUntil" = NULL, "lastStatusCode" = ?, "lastError" = NULL, "deliveredAt" = ?
          WHERE "id" IN (${ids.map(() => "?").join(", ")}) AND "status" = 'pending' RETURNING "id"`,
        [timestamp(p, now), statusCode, timestamp(p, now), ...ids],
      );
      for (const row of rows) changed.add(Number(row.id));
    }
    for (const [i, a] of attempted.entries()) {
      const { status, attempts, next } = outcomes[i];
      if (status === "delivered") continue;
      const updated = await session.run(
        `UPDATE "WebhookDelivery" SET "status" = ?, "attempts" = ?, "nextAttemptAt" = ?, "claimedUntil" = NULL, "lastStatusCode" = ?, "lastError" = ?, "deliveredAt" = NULL
          WHERE "id" = ? AND "status" = 'pending'`,
        [status, attempts, timestamp(p, next ?? now), a.result.statusCode, a.result.error, a.delivery.id],
      );
      if (updated) changed.add(a.delivery.id);
    }
    const recorded = attempted.filter((a) => changed.has(a.delivery.id));
    if (!recorded.length) return;
    await session.run(
      `INSERT INTO "WebhookAttempt" ("deliveryId", "startedAt", "durationMs", "statusCode", "error", "response")
       VALUES ${recorded.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
      recorded.flatMap(({ delivery, result, startedAt }) => [delivery.id, timestamp(p, startedAt), result.durationMs, result.statusCode, result.error, result.response]),
    );
  });
  return outcomes.map((o) => o.status);
}
