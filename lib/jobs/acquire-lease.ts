// Leases on cluster-wide jobs: a job that must run on one instance at a time (e.g. the daily datacube
// fetch) takes the lease named after it; whoever holds an unexpired lease runs, the others skip.
import { db, Prisma } from "../db";

export type LeaseOptions = { holder: string; ttlMs: number; now?: Date };

/**
 * Takes or renews the lease `name` for `holder` until now + ttlMs; false while another holder's lease
 * is unexpired. The take is one conditional UPDATE (the database serializes competing writers and
 * re-checks the condition), or the INSERT of a lease nobody held yet (its primary key lets one win).
 *
 * Both are single raw statements on purpose: Prisma runs updateMany as a read-then-write transaction,
 * and on SQLite two instances opening one at the same moment (their schedulers tick together) left
 * a connection stuck in it holding the write lock, which stalled both instances' pipelines.
 */
export async function acquireLease(name: string, { holder, ttlMs, now = new Date() }: LeaseOptions): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db().$executeRaw(Prisma.sql`
    UPDATE "JobLease" SET "holder" = ${holder}, "expiresAt" = ${expiresAt}
    WHERE "name" = ${name} AND ("holder" = ${holder} OR "expiresAt" <= ${now})`);
  if (taken === 1) return true;
  const inserted = await db().$executeRaw(Prisma.sql`
    INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES (${name}, ${holder}, ${expiresAt})
    ON CONFLICT ("name") DO NOTHING`);
  return inserted === 1; // 0: held by someone else (or just taken by a competitor)
}

/** Gives the lease up early (only if `holder` still holds it), so another instance need not wait for expiry. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await db().jobLease.deleteMany({ where: { name, holder } });
}
