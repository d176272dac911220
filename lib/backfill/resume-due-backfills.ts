// Imports resume by themselves: one paused by the quota once WeChat's quotas reset (midnight Beijing
// time), and one whose process died (its lease ran out) — on whichever instance looks first; the
// run's claim decides, so two instances never work on one run.
import { db } from "../db";
import { pollLoop } from "../jobs/poll-loop";
import { BackfillBusyError } from "./backfill-run";
import { startBackfill } from "./start-backfill";

const EVERY_MS = 5 * 60_000;

/** Starts every due run in the background; returns the accounts it resumed. */
export async function resumeDueBackfills(now = new Date()): Promise<string[]> {
  const due = await db().backfillRun.findMany({
    where: {
      activeAccountId: { not: null },
      OR: [{ status: "paused", pausedUntil: { lte: now } }, { status: "running", leaseUntil: { lt: now } }],
    },
    select: { accountId: true },
  });
  const resumed: string[] = [];
  for (const { accountId } of due) {
    try {
      await startBackfill(accountId, { email: "system" });
      resumed.push(accountId);
    } catch (error) {
      if (!(error instanceof BackfillBusyError)) throw error; // another instance was first
    }
  }
  return resumed;
}

const resumer = pollLoop({ name: "backfill-resumer", pollMs: EVERY_MS, firstMs: EVERY_MS, round: async () => void (await resumeDueBackfills()) });

/** Looks for due runs every few minutes (instrumentation.ts, once per server process). */
export const startBackfillResumer = () => resumer.start();
