import crypto from "node:crypto";
import os from "node:os";
import { log } from "../log/logger";
import { runScheduledSignals } from "./run-scheduled-signals";

// Every instance ticks (in its attribution thread, at low priority); the lease lets one of them
// recompute. Thresholds saved in the settings recompute that account at once, so the tick only
// keeps the window moving and takes in new follows.
export const SIGNALS_TICK_MS = 10 * 60_000;
const FIRST_TICK_MS = 45_000;
const globalForRefresher = globalThis as unknown as { scenecodeSignalRefresher?: NodeJS.Timeout };

async function tick(holder: string) {
  try {
    const { accounts } = await runScheduledSignals({ holder });
    for (const a of accounts) log().info({ accountId: a.accountId, flagged: a.flagged, ms: Math.round(a.totalMs) }, "signals: recomputed");
  } catch (error) {
    log().warn({ err: error }, "signals: the scheduled recomputation failed; retried at the next tick");
  }
}

/** Starts the periodic recomputation of fraud signals (once per process). */
export function startSignalRefresher() {
  if (globalForRefresher.scenecodeSignalRefresher) return;
  const holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  let running: Promise<void> | null = null;
  const run = () => void (running ??= tick(holder).finally(() => (running = null)));
  setTimeout(run, FIRST_TICK_MS).unref();
  globalForRefresher.scenecodeSignalRefresher = setInterval(run, SIGNALS_TICK_MS);
  globalForRefresher.scenecodeSignalRefresher.unref();
}
