// The tagging worker: every server process runs one (instrumentation.ts), beside the backfill and
// cross-check jobs that also call WeChat with the shared access token. It never runs in a request:
// it polls for due rows (one indexed read when idle), is nudged when an operator queues some, and
// takes batch after batch while there are any; the claim's lease keeps instances off each other's rows.
import { log } from "../log/logger";
import { claimTagBatch } from "./claim-tag-batch";
import { runTagBatch } from "./run-tag-batch";

const POLL_MS = 3000;
const NUDGE_MS = 50;
const MAX_BATCHES_PER_ROUND = 200; // then yield to the poll timer, so one huge queue cannot hog the process

type State = { started: boolean; running: boolean; again: boolean; timer?: NodeJS.Timeout; dueAt: number };
const global = globalThis as unknown as { scenecodeTaggingWorker?: State };
const state = (global.scenecodeTaggingWorker ??= { started: false, running: false, again: false, dueAt: 0 });

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
    void round();
  }, ms);
  state.timer.unref();
}

/** Runs due batches until none is left (or the round's cap); returns how many batches ran. */
export async function tagDue(max = MAX_BATCHES_PER_ROUND, now?: () => Date): Promise<number> {
  let batches = 0;
  while (batches < max) {
    const batch = await claimTagBatch(now?.());
    if (!batch) break;
    const outcome = await runTagBatch(batch, now?.());
    batches += 1;
    if (outcome.paused) log().warn({ worker: "tags", accountId: batch.accountId }, "tagging: daily API quota used up (45009); paused until midnight Beijing time");
  }
  return batches;
}

async function round() {
  state.running = true;
  state.again = false;
  let full = false;
  try {
    full = (await tagDue()) === MAX_BATCHES_PER_ROUND;
  } catch (error) {
    log().error({ worker: "tags", err: error }, "tagging worker: round failed; retrying");
  } finally {
    state.running = false;
  }
  schedule(state.again || full ? NUDGE_MS : POLL_MS);
}

/** Starts this process's tagging worker. */
export function startTaggingWorker() {
  if (state.started) return;
  state.started = true;
  schedule(0);
}

/** Rows were queued (or re-queued): start soon. */
export function nudgeTagging() {
  schedule(NUDGE_MS);
}
