// The Prisma client: one per process, on the driver adapter DATABASE_URL selects.
import { PrismaPg } from "@prisma/adapter-pg";
import { sqliteAdapter } from "./db/sqlite-adapter";
import { env } from "./env";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";

// Secrets never leave the database unless a query asks for them by name.
const omit = {
  account: { appSecretEnc: true },
  user: { passwordHash: true },
  apiKey: { keyHash: true },
} as const;

// Both clients are generated from the same models; the SQLite client's type stands for both.
export type Db = SqliteClient<never, typeof omit>;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { Prisma };

// SQLite waits this long for a competing writer before giving up with SQLITE_BUSY.
export const SQLITE_BUSY_TIMEOUT_MS = 4000;

function createClient(): Db {
  const config = env();
  if (config.databaseProvider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: config.DATABASE_URL, max: 10 });
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

/** True when the error is a unique-constraint violation (the "already there" of idempotent inserts). */
export function isUniqueViolation(error: unknown): boolean {
  // Duck-typed: the two generated clients each have their own error classes.
  return (error as { name?: string; code?: string } | null)?.name === "PrismaClientKnownRequestError" &&
    (error as { code?: string }).code === "P2002";
}
