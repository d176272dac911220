// One round of the delivery worker: claim what is due, send each (several at once), record them
// all in one transaction once the round's attempts are done. A crash before that commit sends the
// round again after its lease (at-least-once, with the same event id).
import { log } from "../log/logger";
import type { PipelineDb } from "../ingest/pipeline-db/sql-session";
import { claimDeliveries, type ClaimedDelivery } from "./claim-deliveries";
import { recordAttempts, type Attempted } from "./record-attempt";
import { sendWebhook, type AttemptResult } from "./send-webhook";
import { openWebhookSecret } from "./webhook-secret";

// All of a round's attempts start at once (at most 8 connections a receiver: the rest queue for a
// socket), and an attempt's 10 s timeout counts from its start, queueing included: a round lasts at
// most one timeout, well inside the lease, which must not run out while an attempt is in flight.
// (Rounds of 32 measured no better than 16 in the consumers benchmark.)
export const ROUND = 16;

async function attempt(delivery: ClaimedDelivery, now: () => Date): Promise<Attempted> {
  const startedAt = now();
  let result: AttemptResult;
  try {
    const secret = openWebhookSecret(delivery.secretEnc);
    result = await sendWebhook({ url: delivery.url, secret, body: delivery.payload, type: delivery.type, eventId: delivery.eventId, deliveryId: delivery.id });
  } catch (error) {
    result = { ok: false, statusCode: null, durationMs: 0, error: `Cannot sign: ${(error as Error).message}`, response: null };
  }
  return { delivery, result, startedAt };
}

/** Sends up to `limit` due deliveries at once; resolves to how many were attempted. */
export async function deliverDue(database: PipelineDb, { limit = ROUND, now = () => new Date() }: { limit?: number; now?: () => Date } = {}): Promise<number> {
  const claimed = await claimDeliveries(database, limit, now());
  const attempted = await Promise.all(claimed.map((d) => attempt(d, now)));
  const statuses = await recordAttempts(database, attempted, now());
  statuses.forEach((status, i) => {
    const { delivery } = attempted[i];
    if (status === "failed") log().warn({ worker: "webhooks", deliveryId: delivery.id, eventId: delivery.eventId }, "webhook delivery failed for good after its retries");
  });
  return claimed.length;
}
