// The qualified-follows job's loop: every app process runs one in the attribution thread (beside
// the webhook worker); the lease lets one instance of the cluster work at a time. A round that left
// work (a rebuild under way, a backlog of follows to decide) is followed by the next at once.
import os from "node:os";
import { pollLoop } from "../jobs/poll-loop";
import { pipelineDb } from "../ingest/pipeline-db/get-pipeline-db";
import { runQualifiedFollows } from "./run-qualified-follows";

const holder = `${os.hostname()}:${process.pid}:qualified`;

const loop = pollLoop({
  name: "qualified-follows",
  pollMs: 15_000,
  againMs: 50,
  retryMs: 30_000,
  firstMs: 1000,
  round: async () => (await runQualifiedFollows(pipelineDb(), holder)).more,
});

/** Starts this process's qualified-follows loop. */
export const startQualifiedWorker = () => loop.start();
