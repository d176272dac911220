// The store thread: owns a pipeline connection and group-commits the raw events the callback hands
// it; the callback acknowledges a push once its row is committed here. Nothing else runs on this
// thread, so an acknowledgement never waits behind an attribution batch.
import { parentPort } from "node:worker_threads";
import { pipelineDb } from "../pipeline-db/get-pipeline-db";
import { GroupCommit } from "../store/group-commit";
import { answerPort } from "./answer-port";
import type { ToThread } from "./messages";
import { log } from "../../log/logger";

const port = parentPort;
if (!port) throw new Error("store-thread.ts runs as a worker thread");

const commits = new GroupCommit(pipelineDb);
const settle = answerPort(port);

port.on("message", (message: ToThread) => {
  if (message.op === "store") message.rows.forEach((row, i) => settle(message.ids[i], commits.store(row)));
  else if (message.op === "forget") pipelineDb().forgetInbox(message.throughId).catch((e) => log().error({ thread: "store", err: e }, "ingest: forgetting moved inbox rows failed (they are moved again, a no-op)"));
});
