// The attribution worker: every app process runs one. It drains the durable queue (events with
// attributedAt null) in batches, right after new events are committed (a nudge) and on a slow
// poll that picks up other instances' events and whatever a crash left behind.
import { pipelineDb } from "../pipeline-db/get-pipeline-db";
import { attributeBatch } from "./attribute-batch";
import { log } from "../../log/logger";

const BATCH = 500;
// A nudge runs a batch this soon, so a quiet account's follow shows up on the leaderboard within
// moments. Under load, partial batches start at most every MIN_INTERVAL_MS: fewer, larger batches
// cost less per event and interrupt the raw inserts (which share the connection) less often.
const GAP_MS = 20;
const MIN_INTERVAL_MS = 250;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 5000;

type WorkerState = {
  started: boolean;
  running: boolean;
  again: boolean;
  timer?: NodeJS.Timeout;
  dueAt: number;
  lastStartedAt: number;
  failures: number;
  lastError: string | null;
};
const globalForWorker = globalThis as unknown as { scenecodeAttribution?: WorkerState };
const state = (globalForWorker.scenecodeAttribution ??= { started: false, running: false, again: false, dueAt: 0, lastStartedAt: 0, failures: 0, lastError: null });

/** Runs a batch in `ms`, unless one is already due sooner (a stream of nudges never postpones it). */
function schedule(ms: number) {
  if (!state.started || state.running) return;
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

/** When a batch for new events should start: soon, but not sooner than the interval allows. */
const nextBatchIn = () => Math.max(GAP_MS, state.lastStartedAt + MIN_INTERVAL_MS - Date.now());

// Each run of the worker has an id (process and sequence), like a request's: its log lines carry it.
let runs = 0;

async function run() {
  const runId = `${process.pid}-${++runs}`;
  state.running = true;
  state.again = false;
  state.lastStartedAt = Date.now();
  let wait = POLL_MS;
  try {
    for (;;) {
      const { attributed, busy } = await attributeBatch(pipelineDb(), BATCH);
      if (attributed < BATCH || busy) break;
      await new Promise((r) => setImmediate(r)); // let requests in between full batches
    }
    state.failures = 0;
    state.lastError = null;
    if (state.again) wait = nextBatchIn();
  } catch (error) {
    state.failures++;
    state.lastError = (error as Error).message;
    wait = Math.min(100 * 2 ** state.failures, MAX_BACKOFF_MS);
    log().error({ worker: "attribution", runId, attempt: state.failures, retryInMs: wait, err: error }, "attribution worker: batch failed; retrying");
  } finally {
    state.running = false;
  }
  schedule(wait);
}

/** Starts this process's worker (instrumentation.ts calls it once at server start). */
export function startAttributionWorker() {
  if (state.started) return;
  state.started = true;
  schedule(0);
}

/** New events were committed: attribute them soon. */
export function nudgeAttribution() {
  if (!state.started) return;
  if (state.running) state.again = true;
  else schedule(nextBatchIn());
}

export function workerStatus() {
  return { started: state.started, failures: state.failures, lastError: state.lastError };
}
