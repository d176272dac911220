// The attribution thread: drains the durable queue in batches (lib/ingest/attribute) with a
// pipeline connection of its own. It runs at a lower CPU priority than the threads that answer
// WeChat: under a burst, acknowledgements come first and attribution catches up in the gaps.
import fs from "node:fs";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { drainAttribution } from "../attribute/drain-attribution";
import { nudgeAttribution, startAttributionWorker } from "../attribute/attribution-worker";
import { forgetMovedInboxRowsWith } from "../attribute/inbox-moved";
import { startWebhookWorker } from "../../webhooks/webhook-worker";
import { startSignalRefresher } from "../../signals/start-signal-refresher";
import { startQualifiedWorker } from "../../qualified/qualified-worker";
import { startTaggingWorker } from "../../tags/tagging-worker";
import { nudgeLoop } from "../../jobs/poll-loop";
import { answerPort } from "./answer-port";
import type { Forget, ToThread } from "./messages";

// A nice value of 10 gives this thread about a tenth of a core's share when the request thread
// wants the same core, and all of it when the box is otherwise idle.
const NICE = 10;

const port = parentPort;
if (!port) throw new Error("attribution-thread.ts runs as a worker thread");

function lowerPriority() {
  try {
    // On Linux a thread is a task of its own: setpriority() on its id leaves the other threads alone.
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (tid > 0 && tid !== process.pid) os.setPriority(tid, NICE);
  } catch {
    // Not Linux (no /proc/thread-self) or not permitted: attribution then runs at normal priority.
  }
}

const settle = answerPort(port);
port.on("message", (message: ToThread) => {
  if (message.op === "drain") settle(message.id, drainAttribution());
  else if (message.op === "nudge") nudgeAttribution();
  else if (message.op === "nudge-loop") nudgeLoop(message.name);
});

lowerPriority();
forgetMovedInboxRowsWith((throughId) => port!.postMessage({ op: "forget", throughId } satisfies Forget));
startAttributionWorker();
startWebhookWorker(); // sends the webhook outbox (lib/webhooks)
startSignalRefresher(); // recomputes the fraud signals every 10 minutes under a lease (lib/signals)
startQualifiedWorker(); // decides 有效关注 once due, sends qualified-follow, rebuilds after an N change (lib/qualified)
// Tags followers in WeChat (lib/tags). Here, not in the main thread: its Prisma queries are
// synchronous SQLite work, and in the main thread they took a fifth of the request thread's time
// while a WeChat outage kept failed batches coming back (profile-callback --target consumers).
startTaggingWorker();
