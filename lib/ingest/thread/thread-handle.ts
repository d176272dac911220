import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Forget, FromThread, Outcome } from "./messages";
import { log } from "../../log/logger";

export class PipelineThreadError extends Error {
  constructor(message: string, readonly busy = false) {
    super(message);
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const RESTART_DELAY_MS = 1000;

// Joined at run time, so the bundler leaves the thread's files alone: they run from source via tsx.
const threadFile = (name: string) => [process.cwd(), "lib", "ingest", "thread", name].join(path.sep);

/**
 * One of the pipeline's worker threads, seen from the server's main thread: started from
 * `entry` (a file beside this one), restarted a second after it stops (requests waiting on it
 * fail, so the callback answers "retry"), with the requests it has not answered yet.
 */
export class ThreadHandle {
  worker: Worker | null = null;
  restarts = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly entry: string,
    private readonly onAnswers: (answers: Outcome[]) => void = () => {},
    private readonly onNotice: (notice: Forget) => void = () => {},
  ) {
    this.spawn();
  }

  private spawn() {
    const worker = new Worker(threadFile("boot.mjs"), { workerData: { entry: threadFile(this.entry) } });
    worker.on("message", (outcomes: FromThread) => {
      if (!Array.isArray(outcomes)) return this.onNotice(outcomes);
      for (const outcome of outcomes) {
        const waiter = this.pending.get(outcome.id);
        if (!waiter) continue;
        this.pending.delete(outcome.id);
        if (outcome.ok) waiter.resolve(outcome.value);
        else waiter.reject(new PipelineThreadError(outcome.error, outcome.busy));
      }
      this.onAnswers(outcomes);
    });
    const fail = (reason: string) => {
      log().error({ thread: this.entry, reason, restartInMs: RESTART_DELAY_MS }, "ingest: a pipeline thread stopped; restarting it");
      this.worker = null;
      this.failAll(`pipeline thread stopped: ${reason}`);
      setTimeout(() => !this.worker && (this.restarts++, this.spawn()), RESTART_DELAY_MS).unref();
    };
    worker.on("error", (error) => fail(error.message));
    worker.on("exit", (code) => this.worker === worker && fail(`exit code ${code}`));
    this.worker = worker;
  }

  /** Rejects every request still waiting for an answer. */
  failAll(reason: string, ids?: number[]) {
    for (const id of ids ?? [...this.pending.keys()]) {
      this.pending.get(id)?.reject(new PipelineThreadError(reason));
      this.pending.delete(id);
    }
  }

  /** A request the thread answers with an Outcome of the same id; `send` posts it (now or batched). */
  ask<T>(send: (id: number) => void): Promise<T> {
    if (!this.worker) return Promise.reject(new PipelineThreadError("the pipeline thread is restarting"));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      send(id);
    });
  }
}
