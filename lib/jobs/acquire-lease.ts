// Leases on cluster-wide jobs: a job that must run on one instance at a time (e.g. the daily datacube
// fetch) takes the lease named after it; whoever holds an unexpired lease runs, the others skip.
import { db, isUniqueViolation } from "../db";

export type LeaseOptions = { holder: string; ttlMs: number; now?: Date };

/**
 * Takes or renews the lease `name` for `holder` until now + ttlMs; false while another holder's lease
 * is unexpired. The take is one conditional UPDATE (the database serializes competing writers and
 * re-checks the condition), or the INSERT of a lease nobody held yet (its primary key lets one win).
 */
export async function acquireLease(name: string, { holder, ttlMs, now = new Date() }: LeaseOptions): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db().jobLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db().jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // held by someone else (or just taken by a competitor)
    throw error;
  }
}

/** Gives the lease up early (only if `holder` still holds it), so another instance need not wait for expiry. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await db().jobLease.deleteMany({ where: { name, holder } });
}
