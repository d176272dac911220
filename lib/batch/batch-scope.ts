import { db } from "../db";

/** A claimed code's status while its qrcode/create call is in flight. */
export const GENERATING = "generating";
// A claim older than this belongs to a runner that died (WeChat calls time out after 5 s).
export const CLAIM_LEASE_MS = 2 * 60_000;

/** Which codes a batch run covers: the account's, optionally only some promoters', since the run started. */
export type BatchScope = { accountId: string; promoterIds?: string[]; since: Date };

/**
 * The codes a run still has to create: pending ones, failed ones not yet tried in this run (so a code
 * WeChat keeps refusing is tried once per run, not forever), and claims abandoned by a dead runner.
 * Codes of deactivated promoters are left alone.
 */
export function candidateWhere({ accountId, promoterIds, since }: BatchScope, now = new Date()) {
  return {
    accountId,
    promoter: { is: { active: true, ...(promoterIds ? { id: { in: promoterIds } } : {}) } },
    OR: [
      { status: "pending" },
      { status: "failed", updatedAt: { lt: since } },
      { status: GENERATING, updatedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } },
    ],
  };
}

export function countRemaining(scope: BatchScope, now = new Date()): Promise<number> {
  return db().qrCode.count({ where: candidateWhere(scope, now) });
}

/** Starts a run: its start time (the server's clock, which also stamps updatedAt) and how many codes it covers. */
export async function startBatch(accountId: string, promoterIds?: string[], now = new Date()) {
  const total = await countRemaining({ accountId, promoterIds, since: now }, now);
  return { since: now.toISOString(), total };
}

/** Codes of active promoters by status, for the batch page's summary. */
export async function countCodesByStatus(accountId: string, promoterIds?: string[]) {
  const groups = await db().qrCode.groupBy({
    by: ["status"],
    where: { accountId, promoter: { is: { active: true, ...(promoterIds ? { id: { in: promoterIds } } : {}) } } },
    _count: { _all: true },
  });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return { pending: count("pending"), failed: count("failed"), generating: count(GENERATING), active: count("active") };
}
