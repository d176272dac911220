// The qualified-follows job's loop: every app process runs one in the attribution thread (beside
// the webhook worker); the lease lets one instance of the cluster work at a time. A round that left
// work (a rebuild under way, a backlog of follows to decide) is followed by the next at once.
import os from "node:os";
import { log } from "../log/logger";
import { pipelineDb } from "../ingest/pipeline-db/get-pipeline-db";
import { runQualifiedFollows } from "./run-qualified-follows";

const POLL_MS = 15_000;
const AGAIN_MS = 50;
const RETRY_MS = 30_000;

const global = globalThis as unknown as { scenecodeQualifiedWorker?: { started: boolean } };
const state = (global.scenecodeQualifiedWorker ??= { started: false });
const holder = `${os.hostname()}:${process.pid}:qualified`;

async function round() {
  let wait = POLL_MS;
  try {
    const { more } = await runQualifiedFollows(pipelineDb(), holder);
    if (more) wait = AGAIN_MS;
  } catch (error) {
    wait = RETRY_MS;
    log().error({ worker: "qualified-follows", err: error }, "qualified follows: round failed; retrying");
  }
  setTimeout(() => void round(), wait).unref();
}

/** Starts this process's qualified-follows loop. */
export function startQualifiedWorker() {
  if (state.started) return;
  state.started = true;
  setTimeout(() => void round(), 1000).unref();
}
