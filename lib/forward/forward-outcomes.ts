// Forwarding's bookkeeping, kept off the callback's path: each outcome is one in-memory count (the
// health card's CallbackCounter, flushed every few seconds) and the latest failure per account waits in
// memory until the health flusher writes it to the account (the settings page shows it).
import { db } from "../db";
import { forwardKind, type ForwardOutcome } from "../health/callback-kinds";
import { callbackCounters } from "../health/record-callback";
import { log } from "../log/logger";

export type { ForwardOutcome } from "../health/callback-kinds";
export const FORWARD_MAX_REPLY_CHARS = 64 * 1024;

type Failure = { at: Date; problem: string };
const globalForFailures = globalThis as unknown as { scenecodeForwardFailures?: Map<string, Failure>; scenecodeForwardLoggedAt?: Map<string, number> };
const failures = (globalForFailures.scenecodeForwardFailures ??= new Map());
// A backend that is down fails every push: one log line per account a minute says so without flooding.
const LOG_EVERY_MS = 60_000;
const loggedAt = (globalForFailures.scenecodeForwardLoggedAt ??= new Map());

/** Counts one forwarded push's outcome; a failure also becomes the account's latest one. */
export function recordForward(accountId: string, outcome: ForwardOutcome, problem?: string, now = new Date()) {
  callbackCounters().record(accountId, forwardKind(outcome), now.getTime());
  if (outcome === "ok" || outcome === "empty") return;
  failures.set(accountId, { at: now, problem: `${outcome}: ${problem ?? ""}`.slice(0, 300) });
  if (now.getTime() - (loggedAt.get(accountId) ?? 0) < LOG_EVERY_MS) return;
  loggedAt.set(accountId, now.getTime());
  log().warn({ accountId, outcome, problem }, "wechat callback: forwarding to the account's backend failed; answered without its reply");
}

/** Writes the failures noted since the last flush (one small update per failing account). */
export async function flushForwardFailures(): Promise<number> {
  if (!failures.size) return 0;
  const noted = [...failures];
  failures.clear();
  for (const [accountId, { at, problem }] of noted) {
    // Instances flush on their own clocks: an older failure never replaces a newer one another instance
    // wrote. A deleted account's update finds no row: nothing to keep.
    await db().account.updateMany({
      where: { id: accountId, OR: [{ forwardFailedAt: null }, { forwardFailedAt: { lt: at } }] },
      data: { forwardFailedAt: at, forwardFailure: problem },
    });
  }
  return noted.length;
}
