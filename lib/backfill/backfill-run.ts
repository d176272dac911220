// The BackfillRun row: one unfinished import per account (activeAccountId's unique index decides it
// across instances), and a lease that says which process is working on it right now.
import { db, isUniqueViolation } from "../db";

/** A running run's lease; renewed with every committed chunk, so a dead process's run is free again within a minute. */
export const LEASE_MS = 60_000;

export type BackfillStatus = "running" | "paused" | "failed" | "done";
export type ClaimedRun = { id: string; accountId: string; lease: Date; startedAt: Date; cursor: string; pageOffset: number };

export class BackfillBusyError extends Error {
  constructor() {
    super("An import of this account's followers is already running");
    this.name = "BackfillBusyError";
  }
}

/** The account's latest run, finished or not. */
export function latestRun(accountId: string) {
  return db().backfillRun.findFirst({ where: { accountId }, orderBy: { startedAt: "desc" } });
}

/**
 * Takes the account's unfinished run (a paused, failed or abandoned one resumes from its cursor) or
 * starts a new one. Throws BackfillBusyError while another process holds a live lease on it.
 */
export async function claimRun(accountId: string, startedById: string | null, now = new Date()): Promise<ClaimedRun> {
  const lease = new Date(now.getTime() + LEASE_MS);
  for (let attempt = 0; attempt < 3; attempt++) {
    const open = await db().backfillRun.findUnique({ where: { activeAccountId: accountId } });
    if (!open) {
      try {
        const run = await db().backfillRun.create({ data: { accountId, activeAccountId: accountId, status: "running", leaseUntil: lease, startedById, startedAt: now } });
        return { id: run.id, accountId, lease, startedAt: run.startedAt, cursor: "", pageOffset: 0 };
      } catch (error) {
        if (isUniqueViolation(error)) continue; // another instance started one at the same moment: take that one
        throw error;
      }
    }
    const { count } = await db().backfillRun.updateMany({
      where: { id: open.id, activeAccountId: accountId, OR: [{ status: { not: "running" } }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { status: "running", leaseUntil: lease, errcode: null, errmsg: null, pausedUntil: null },
    });
    if (count === 0) throw new BackfillBusyError();
    return { id: open.id, accountId, lease, startedAt: open.startedAt, cursor: open.cursor, pageOffset: open.pageOffset };
  }
  throw new BackfillBusyError();
}

type Progress = Partial<Record<"listed" | "imported" | "credited" | "corrected", number>> & { cursor?: string; pageOffset?: number; total?: number };

/** Saves progress and renews the lease; false when the lease was lost (another process took the run over). */
export async function saveProgress(run: ClaimedRun, progress: Progress, now = new Date()): Promise<boolean> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const { listed, imported, credited, corrected, ...rest } = progress;
  const { count } = await db().backfillRun.updateMany({
    where: { id: run.id, status: "running", leaseUntil: run.lease },
    data: {
      ...rest,
      leaseUntil: lease,
      ...(listed ? { listed: { increment: listed } } : {}),
      ...(imported ? { imported: { increment: imported } } : {}),
      ...(credited ? { credited: { increment: credited } } : {}),
      ...(corrected ? { corrected: { increment: corrected } } : {}),
    },
  });
  if (count === 1) run.lease = lease;
  return count === 1;
}

/** Ends the run's turn: paused (quota) or failed keep it resumable; done frees the account for a new run. */
export async function endRun(run: ClaimedRun, outcome: { status: Exclude<BackfillStatus, "running">; errcode?: number | null; errmsg?: string | null; pausedUntil?: Date | null; reportJson?: string }, now = new Date()) {
  const done = outcome.status === "done";
  await db().backfillRun.updateMany({
    where: { id: run.id, leaseUntil: run.lease },
    data: {
      status: outcome.status,
      errcode: outcome.errcode ?? null,
      errmsg: outcome.errmsg ?? null,
      pausedUntil: outcome.pausedUntil ?? null,
      leaseUntil: null,
      ...(outcome.reportJson ? { reportJson: outcome.reportJson } : {}),
      ...(done ? { activeAccountId: null, finishedAt: now } : {}),
    },
  });
}

/** When WeChat's daily quotas reset: the next midnight, Beijing time (UTC+8, no daylight saving). */
export function nextQuotaReset(now = new Date()): Date {
  const beijing = now.getTime() + 8 * 3_600_000;
  return new Date(Math.floor(beijing / 86_400_000 + 1) * 86_400_000 - 8 * 3_600_000);
}
