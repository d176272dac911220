// The pipeline thread: owns the pipeline's database connection, group-commits the raw events the
// callback hands it, and runs the attribution worker — all off the thread that serves requests, so
// neither fsyncs nor attribution batches take time from answering WeChat.
import { parentPort } from "node:worker_threads";
import { drainAttribution } from "../attribute/drain-attribution";
import { nudgeAttribution, startAttributionWorker } from "../attribute/attribution-worker";
import { pipelineDb } from "../pipeline-db/get-pipeline-db";
import { isBusyError } from "../pipeline-db/is-busy-error";
import { GroupCommit } from "../store/group-commit";
import type { FromThread, ToThread } from "./messages";

const port = parentPort;
if (!port) throw new Error("pipeline-thread.ts runs as a worker thread");

const commits = new GroupCommit(pipelineDb, (inserted) => inserted && nudgeAttribution());
const answer = (message: FromThread) => port.postMessage(message);

port.on("message", (message: ToThread) => {
  const work = message.op === "store" ? commits.store(message.row) : drainAttribution();
  work.then(
    (value) => answer({ id: message.id, ok: true, value }),
    (error) => answer({ id: message.id, ok: false, error: (error as Error).message, busy: isBusyError(error) }),
  );
});

startAttributionWorker();
port.postMessage({ id: 0, ok: true, value: "ready" } satisfies FromThread);
