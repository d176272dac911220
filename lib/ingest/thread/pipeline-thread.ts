// The pipeline thread: owns the pipeline's database connection, group-commits the raw events the
// callback hands it, and runs the attribution worker — all off the thread that serves requests, so
// neither fsyncs nor attribution batches take time from answering WeChat.
import { parentPort } from "node:worker_threads";
import { drainAttribution } from "../attribute/drain-attribution";
import { nudgeAttribution, startAttributionWorker } from "../attribute/attribution-worker";
import { pipelineDb } from "../pipeline-db/get-pipeline-db";
import { isBusyError } from "../pipeline-db/is-busy-error";
import { GroupCommit } from "../store/group-commit";
import type { FromThread, Outcome, ToThread } from "./messages";

const port = parentPort;
if (!port) throw new Error("pipeline-thread.ts runs as a worker thread");

const commits = new GroupCommit(pipelineDb, (inserted) => inserted && nudgeAttribution());

// Answers settled in the same turn go back together.
let outbox: Outcome[] = [];
function sendOutbox() {
  const batch: FromThread = outbox;
  outbox = [];
  port!.postMessage(batch);
}
function answer(outcome: Outcome) {
  if (!outbox.length) setImmediate(sendOutbox);
  outbox.push(outcome);
}

function settle(id: number, work: Promise<unknown>) {
  work.then(
    (value) => answer({ id, ok: true, value }),
    (error) => answer({ id, ok: false, error: (error as Error).message, busy: isBusyError(error) }),
  );
}

port.on("message", (message: ToThread) => {
  if (message.op === "drain") return settle(message.id, drainAttribution());
  message.rows.forEach((row, i) => settle(message.ids[i], commits.store(row)));
});

startAttributionWorker();
