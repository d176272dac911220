import crypto from "node:crypto";
import os from "node:os";
import { pollLoop } from "../jobs/poll-loop";
import { log } from "../log/logger";
import { requestedAccounts, runSignals } from "./run-scheduled-signals";

// Every instance polls in its attribution thread (low priority, the pipeline's own connection); the
// lease lets one of them recompute. A poll is one read of the tiny SignalSettings table; the whole
// run (every account) comes every 10 minutes, a requested account's within a poll.
export const SIGNALS_TICK_MS = 10 * 60_000;
export const SIGNALS_POLL_MS = 3_000;
const holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
let dueAt = Date.now() + 45_000; // the first whole run, once the process has settled

async function round() {
  const all = Date.now() >= dueAt;
  if (!all && (await requestedAccounts()).length === 0) return;
  const { leased, accounts } = await runSignals({ holder, all });
  if (all) dueAt = Date.now() + SIGNALS_TICK_MS;
  if (leased) for (const a of accounts) log().info({ accountId: a.accountId, flagged: a.flagged, ms: Math.round(a.totalMs) }, "signals: recomputed");
}

// A failed recomputation is retried at the next poll.
const loop = pollLoop({ name: "signals", pollMs: SIGNALS_POLL_MS, firstMs: SIGNALS_POLL_MS, round });

/** Starts the recomputation of fraud signals (once per process). */
export const startSignalRefresher = () => loop.start();
