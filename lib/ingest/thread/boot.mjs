// Entry of the pipeline's worker thread (lib/ingest/thread/start-pipeline-thread.ts starts it).
// The thread runs the TypeScript sources through tsx, outside Next's bundle: it needs no browser
// build, only lib/ingest and what it imports.
import { workerData } from "node:worker_threads";
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";

registerCjs();
registerEsm();
await import(workerData.entry);
