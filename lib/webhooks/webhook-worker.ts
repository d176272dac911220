// The delivery worker: every app process runs one, in the attribution thread beside the worker
// that enqueues (lib/ingest/thread/attribution-thread.ts). It sends right after a batch enqueued
// deliveries (a nudge) and polls for retries, other instances' events and expired leases; hourly it
// deletes the log past retention.
import { pollLoop } from "../jobs/poll-loop";
import { log } from "../log/logger";
import { pipelineDb } from "../ingest/pipeline-db/get-pipeline-db";
import { deliverDue, ROUND } from "./deliver-due";
import { pruneWebhooks } from "./prune-webhooks";

const PRUNE_EVERY_MS = 60 * 60 * 1000;
let prunedAt = 0;

async function round() {
  while ((await deliverDue(pipelineDb(), { limit: ROUND })) === ROUND) await new Promise((r) => setImmediate(r));
  if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
    prunedAt = Date.now();
    const pruned = await pruneWebhooks(pipelineDb());
    if (pruned.deliveries || pruned.events) log().info({ worker: "webhooks", ...pruned }, "webhook log: deleted deliveries and events past retention");
  }
}

const loop = pollLoop({ name: "webhooks", pollMs: 2000, againMs: 20, round });

/** Starts this process's delivery worker. */
export const startWebhookWorker = () => loop.start();

/** Deliveries were enqueued (or redelivered): send soon. */
export const nudgeWebhooks = () => loop.nudge();
