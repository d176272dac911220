import type { Tx } from "../db";
import { purgeIdleCounters } from "./throttle";
import { log } from "../log/logger";

// Login attempts purge idle counters at most this often per process: one indexed delete, so the
// table holds only the last window's clients without a job of its own.
export const PURGE_EVERY_MS = 5 * 60_000;

let lastPurgeAt = -Infinity;

/** Purges idle login counters unless this process did so in the last PURGE_EVERY_MS. Never throws. */
export async function purgeIdleCountersNow(db: Tx, now = new Date()): Promise<void> {
  if (Math.abs(now.getTime() - lastPurgeAt) < PURGE_EVERY_MS) return;
  lastPurgeAt = now.getTime();
  try {
    await purgeIdleCounters(db, now);
  } catch (error) {
    log().error({ err: error }, "login throttle: purge failed"); // housekeeping must never fail a login
  }
}
