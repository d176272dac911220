import path from "node:path";
import { Worker } from "node:worker_threads";
import type { EventRow } from "../pipeline-db/sql-session";
import type { FromThread, ToThread } from "./messages";

export class PipelineThreadError extends Error {
  constructor(message: string, readonly busy = false) {
    super(message);
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type ThreadState = { worker: Worker | null; pending: Map<number, Pending>; nextId: number; restarts: number; outbox: { ids: number[]; rows: EventRow[] } | null };

const RESTART_DELAY_MS = 1000;
const globalForThread = globalThis as unknown as { scenecodePipelineThread?: ThreadState };

// Joined at run time, so the bundler leaves the thread's files alone: they run from source via tsx.
const threadFile = (name: string) => [process.cwd(), "lib", "ingest", "thread", name].join(path.sep);

function spawn(state: ThreadState) {
  const worker = new Worker(threadFile("boot.mjs"), { workerData: { entry: threadFile("pipeline-thread.ts") } });
  worker.on("message", (outcomes: FromThread) => {
    for (const outcome of outcomes) {
      const waiter = state.pending.get(outcome.id);
      if (!waiter) continue;
      state.pending.delete(outcome.id);
      if (outcome.ok) waiter.resolve(outcome.value);
      else waiter.reject(new PipelineThreadError(outcome.error, outcome.busy));
    }
  });
  const fail = (reason: string) => {
    console.error(`ingest: the pipeline thread stopped (${reason}); restarting in ${RESTART_DELAY_MS} ms`);
    state.worker = null;
    for (const waiter of state.pending.values()) waiter.reject(new PipelineThreadError(`pipeline thread stopped: ${reason}`));
    state.pending.clear();
    setTimeout(() => !state.worker && (state.restarts++, spawn(state)), RESTART_DELAY_MS).unref();
  };
  worker.on("error", (error) => fail(error.message));
  worker.on("exit", (code) => state.worker === worker && fail(`exit code ${code}`));
  state.worker = worker;
}

/** Starts the server's pipeline thread (instrumentation.ts, once per process). */
export function startPipelineThread() {
  if (globalForThread.scenecodePipelineThread) return;
  const state: ThreadState = { worker: null, pending: new Map(), nextId: 1, restarts: 0, outbox: null };
  globalForThread.scenecodePipelineThread = state;
  spawn(state);
}

function ask<T>(send: (state: ThreadState, id: number) => void): Promise<T> {
  const state = globalForThread.scenecodePipelineThread!;
  if (!state.worker) return Promise.reject(new PipelineThreadError("the pipeline thread is restarting"));
  const id = state.nextId++;
  return new Promise<T>((resolve, reject) => {
    state.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    send(state, id);
  });
}

function sendStores(state: ThreadState) {
  const batch = state.outbox!;
  state.outbox = null;
  if (state.worker) state.worker.postMessage({ op: "store", ...batch } satisfies ToThread);
  else for (const id of batch.ids) state.pending.get(id)?.reject(new PipelineThreadError("the pipeline thread is restarting"));
}

export const pipelineThreadRunning = () => Boolean(globalForThread.scenecodePipelineThread);

/** Hands a raw event to the thread's group commit; resolves once committed (true when new). */
export const storeInThread = (row: EventRow) =>
  ask<boolean>((state, id) => {
    if (!state.outbox) {
      state.outbox = { ids: [], rows: [] };
      setImmediate(() => sendStores(state)); // every store of this turn in one message
    }
    state.outbox.ids.push(id);
    state.outbox.rows.push(row);
  });

/** Attributes everything pending now, in the thread. */
export const drainInThread = () => ask<number>((state, id) => state.worker!.postMessage({ op: "drain", id } satisfies ToThread));
