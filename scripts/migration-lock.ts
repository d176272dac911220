// Instances started together must not race on migrations. `prisma migrate deploy` takes an advisory
// lock of its own on PostgreSQL but gives up after 10 s (P1002), which fails the second instance's
// start while the first is still migrating. This lock waits instead: the second instance then finds
// every migration applied and goes on. SQLite has one box and one file, so nothing to share there.
import pg from "pg";

// Any fixed 64-bit key that no other advisory lock of the app uses (attribution uses its own).
const MIGRATION_LOCK_KEY = "7309514271044";
const WAIT_MS = 15 * 60_000;

/** Runs `work` holding the database-wide migration lock (PostgreSQL); on SQLite, just runs it. */
export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return work();
  const client = new pg.Client({ connectionString: databaseUrl, statement_timeout: WAIT_MS });
  await client.connect();
  try {
    const [{ locked }] = (await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [MIGRATION_LOCK_KEY])).rows;
    if (!locked) {
      console.log("Another instance is applying migrations; waiting for it…");
      await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    }
    return await work();
  } finally {
    // Ending the session releases the lock, also when `work` threw.
    await client.end().catch(() => {});
  }
}
