import type { EventRow } from "../pipeline-db/sql-session";
import type { Forget, Outcome, ToThread } from "./messages";
import { ThreadHandle } from "./thread-handle";
import { forwardNudgesTo } from "../../jobs/poll-loop";

export { PipelineThreadError } from "./thread-handle";

// The server's pipeline runs on two threads of its own: one commits the raw events the callback
// hands it (acknowledgements wait for it), the other attributes them. Apart, an attribution batch
// (tens of milliseconds of synchronous SQLite work) never holds up an acknowledgement.
type Threads = { store: ThreadHandle; attribution: ThreadHandle; outbox: { ids: number[]; rows: EventRow[] } | null; nudgedAt: number };

// New events reach the attribution thread as a nudge at most this often (a message per commit would
// cost the request thread under load; the worker batches them anyway).
const NUDGE_EVERY_MS = 20;
const globalForThread = globalThis as unknown as { scenecodePipelineThread?: Threads };

function nudgeOnInserts(answers: Outcome[]) {
  const threads = globalForThread.scenecodePipelineThread;
  if (!threads || !answers.some((a) => a.ok && a.value === true)) return;
  const now = Date.now();
  if (now - threads.nudgedAt < NUDGE_EVERY_MS) return;
  threads.nudgedAt = now;
  threads.attribution.worker?.postMessage({ op: "nudge" } satisfies ToThread);
}

// Only the store thread writes SQLite's inbox, so taking its lock never waits for the other thread.
function forwardForget(notice: Forget) {
  globalForThread.scenecodePipelineThread?.store.worker?.postMessage(notice satisfies ToThread);
}

/** Starts the server's pipeline threads (instrumentation.ts, once per process). */
export function startPipelineThread() {
  if (globalForThread.scenecodePipelineThread) return;
  globalForThread.scenecodePipelineThread = {
    store: new ThreadHandle("store-thread.ts", nudgeOnInserts),
    attribution: new ThreadHandle("attribution-thread.ts", undefined, forwardForget),
    outbox: null,
    nudgedAt: 0,
  };
  // Operators' requests queue work (tags to apply, webhooks to redeliver) for loops of the attribution thread.
  forwardNudgesTo((name) => globalForThread.scenecodePipelineThread?.attribution.worker?.postMessage({ op: "nudge-loop", name } satisfies ToThread));
}

function sendStores(threads: Threads) {
  const batch = threads.outbox!;
  threads.outbox = null;
  if (threads.store.worker) threads.store.worker.postMessage({ op: "store", ...batch } satisfies ToThread);
  else threads.store.failAll("the pipeline thread is restarting", batch.ids);
}

export const pipelineThreadRunning = () => Boolean(globalForThread.scenecodePipelineThread);

/** Hands a raw event to the store thread's group commit; resolves once committed (true when new). */
export function storeInThread(row: EventRow): Promise<boolean> {
  const threads = globalForThread.scenecodePipelineThread!;
  return threads.store.ask<boolean>((id) => {
    if (!threads.outbox) {
      threads.outbox = { ids: [], rows: [] };
      setImmediate(() => sendStores(threads)); // every store of this turn in one message
    }
    threads.outbox.ids.push(id);
    threads.outbox.rows.push(row);
  });
}

/** Attributes everything pending now, in the attribution thread. */
export function drainInThread(): Promise<number> {
  const { attribution } = globalForThread.scenecodePipelineThread!;
  return attribution.ask<number>((id) => attribution.worker!.postMessage({ op: "drain", id } satisfies ToThread));
}
