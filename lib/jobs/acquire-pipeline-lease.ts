// The cluster-wide lease of lib/jobs/acquire-lease.ts, for jobs of the pipeline's threads: the same
// JobLease row and the same two single statements, on the pipeline's own connection.
import { timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";

/** Takes or renews the lease `name` for `holder` until now + ttlMs; false while another holder's lease is unexpired. */
export async function acquirePipelineLease(database: PipelineDb, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const p = database.provider;
  const until = timestamp(p, new Date(now.getTime() + ttlMs));
  return database.transaction(async (session) => {
    const taken = await session.run(
      `UPDATE "JobLease" SET "holder" = ?, "expiresAt" = ? WHERE "name" = ? AND ("holder" = ? OR "expiresAt" <= ?)`,
      [holder, until, name, holder, timestamp(p, now)],
    );
    if (taken === 1) return true;
    return (await session.run(`INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES (?, ?, ?) ON CONFLICT ("name") DO NOTHING`, [name, holder, until])) === 1;
  });
}
