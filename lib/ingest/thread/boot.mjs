// Entry of the pipeline's worker threads (lib/ingest/thread/thread-handle.ts starts them).
// The thread runs the TypeScript sources through tsx, outside Next's bundle: it needs no browser
// build, only lib/ingest and what it imports.
import { workerData } from "node:worker_threads";
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";

registerCjs();
registerEsm();
await import(workerData.entry);
