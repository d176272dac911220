// The Prisma client: one per process, on the driver adapter DATABASE_URL selects.
import { PrismaPg } from "@prisma/adapter-pg";
import { sqliteAdapter } from "./db/sqlite-adapter";
import { env } from "./env";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";

// Secrets never leave the database unless a query asks for them by name.
const omit = {
  account: { appSecretEnc: true, tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true, forwardTokenEnc: true, forwardAesKeyEnc: true },
  promoter: { selfServiceTokenHash: true },
  user: { passwordHash: true },
  apiKey: { keyHash: true },
  webhookEndpoint: { secretEnc: true },
} as const;

// Both clients are generated from the same models; the SQLite client's type stands for both.
export type Db = SqliteClient<never, typeof omit>;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { Prisma };

// SQLite would wait for a competing writer (the pipeline threads, the CLI, a backup) synchronously,
// blocking the event loop: the connection does not wait at all (busy_timeout 0), and the adapter
// retries BEGIN IMMEDIATE asynchronously instead (lib/db/sqlite-adapter.ts). A 20 ms synchronous
// wait per attempt froze the callback's request thread for seconds while a background job's
// transactions waited for the attribution thread's batches.
export const SQLITE_BUSY_TIMEOUT_MS = 0;
// PostgreSQL: a statement waiting on a lock gives up after this long instead of hanging.
export const PG_LOCK_TIMEOUT_MS = 3000;

function createClient(): Db {
  const config = env();
  if (config.databaseProvider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: config.DATABASE_URL, max: 10, lock_timeout: PG_LOCK_TIMEOUT_MS });
    return new PostgresClient({ adapter, omit }) as unknown as Db;
  }
  return new SqliteClient({ adapter: sqliteAdapter(config.sqlitePath!, SQLITE_BUSY_TIMEOUT_MS), omit });
}

const globalForDb = globalThis as unknown as { scenecodeDb?: Db };

/** The shared client, created on first use and cached on globalThis (survives dev hot reloads). */
export function db(): Db {
  globalForDb.scenecodeDb ??= createClient();
  return globalForDb.scenecodeDb;
}

/** True when the database was busy or locked (SQLite's SQLITE_BUSY, PostgreSQL's lock timeout): worth a retry. */
export function isBusy(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  const text = `${e?.code ?? ""} ${e?.message ?? ""} ${e?.meta?.driverAdapterError?.cause?.kind ?? ""}`;
  return /P1008|P2034|SocketTimeout|SQLITE_BUSY|database is locked|55P03|lock timeout/i.test(text);
}

/** True when the error is a unique-constraint violation (the "already there" of idempotent inserts). */
export function isUniqueViolation(error: unknown): boolean {
  // Duck-typed: the two generated clients each have their own error classes.
  return (error as { name?: string; code?: string } | null)?.name === "PrismaClientKnownRequestError" &&
    (error as { code?: string }).code === "P2002";
}
