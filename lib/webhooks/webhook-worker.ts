// The delivery worker: every app process runs one, in the attribution thread beside the worker
// that enqueues (lib/ingest/thread/attribution-thread.ts). It sends right after a batch enqueued
// deliveries (a nudge) and polls for retries, other instances' events and expired leases; hourly it
// deletes the log past retention.
import { log } from "../log/logger";
import { pipelineDb } from "../ingest/pipeline-db/get-pipeline-db";
import { deliverDue } from "./deliver-due";
import { pruneWebhooks } from "./prune-webhooks";

const POLL_MS = 2000;
const NUDGE_MS = 20;
const BATCH = 16;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

type State = { started: boolean; running: boolean; again: boolean; timer?: NodeJS.Timeout; dueAt: number; prunedAt: number };
const global = globalThis as unknown as { scenecodeWebhookWorker?: State };
const state = (global.scenecodeWebhookWorker ??= { started: false, running: false, again: false, dueAt: 0, prunedAt: 0 });

function schedule(ms: number) {
  if (!state.started) return;
  if (state.running) return void (state.again = true);
  const dueAt = Date.now() + ms;
  if (state.timer) {
    if (state.dueAt <= dueAt) return;
    clearTimeout(state.timer);
  }
  state.dueAt = dueAt;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    void run();
  }, ms);
  state.timer.unref();
}

async function run() {
  state.running = true;
  state.again = false;
  try {
    while ((await deliverDue(pipelineDb(), { limit: BATCH })) === BATCH) await new Promise((r) => setImmediate(r));
    if (Date.now() - state.prunedAt > PRUNE_EVERY_MS) {
      state.prunedAt = Date.now();
      const pruned = await pruneWebhooks(pipelineDb());
      if (pruned.deliveries || pruned.events) log().info({ worker: "webhooks", ...pruned }, "webhook log: deleted deliveries and events past retention");
    }
  } catch (error) {
    log().error({ worker: "webhooks", err: error }, "webhook worker: round failed; retrying");
  } finally {
    state.running = false;
  }
  schedule(state.again ? NUDGE_MS : POLL_MS);
}

/** Starts this process's delivery worker. */
export function startWebhookWorker() {
  if (state.started) return;
  state.started = true;
  schedule(0);
}

/** Deliveries were enqueued (or redelivered): send soon. */
export function nudgeWebhooks() {
  schedule(NUDGE_MS);
}
