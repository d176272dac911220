import { log } from "../log/logger";
import { flushForwardFailures } from "../forward/forward-outcomes";
import { flushCallbackCounters, pruneCallbackCounters } from "./flush-callback-counters";

// Counts reach the database this often: the cockpit is at most this far behind this instance.
export const FLUSH_EVERY_MS = 3000;
const globalForFlusher = globalThis as unknown as { scenecodeHealthFlusher?: NodeJS.Timeout };
let warnedAt = 0;

async function flushOnce() {
  try {
    await flushCallbackCounters();
    await pruneCallbackCounters();
    await flushForwardFailures();
  } catch (error) {
    // Kept for the next flush; say so at most once a minute.
    if (Date.now() - warnedAt > 60_000) log().warn({ err: error }, "callback health: counters not written yet; kept for the next flush");
    warnedAt = Date.now();
  }
}

/** Flushes the callback counters every few seconds and once more on shutdown (instrumentation.ts, once per process). */
export function startHealthFlusher() {
  if (globalForFlusher.scenecodeHealthFlusher) return;
  let running: Promise<void> | null = null;
  const tick = () => (running ??= flushOnce().finally(() => (running = null)));
  globalForFlusher.scenecodeHealthFlusher = setInterval(tick, FLUSH_EVERY_MS);
  globalForFlusher.scenecodeHealthFlusher.unref();
  // Next.js exits once its own cleanup is done; this flush is tiny and usually finishes first.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void tick().then(() => running ?? flushOnce()));
}
