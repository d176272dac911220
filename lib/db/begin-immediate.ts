import type { SqliteConnection } from "./open-sqlite";
import { setTimeout as sleep } from "node:timers/promises";

// Another connection (the pipeline threads, Prisma's, the CLI, a backup, another instance) may hold
// the file's write lock: BEGIN IMMEDIATE then fails (after the connection's own short busy_timeout:
// SQLite waits synchronously, freezing the event loop) and is retried asynchronously with backoff.
export class SqliteBusyError extends Error {}
/** SQLite refused for a lock another connection holds (SQLITE_BUSY, SQLITE_LOCKED and their extended codes). */
export const isBusyCode = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown } | null)?.code ?? ""));

/**
 * BEGIN IMMEDIATE, retried asynchronously for up to `budgetMs` while another connection holds the
 * write lock. Past it, the last SQLITE_BUSY is thrown (`asError` may turn it into the caller's error).
 */
export async function beginImmediate(connection: SqliteConnection, budgetMs: number, asError: (busy: unknown) => Error = () => new SqliteBusyError("The database stayed locked by another connection")) {
  const giveUpAt = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return void connection.exec("BEGIN IMMEDIATE");
    } catch (error) {
      if (!isBusyCode(error)) throw error;
      if (Date.now() >= giveUpAt) throw asError(error);
      await sleep(Math.min(2 * 2 ** attempt, 100));
    }
  }
}
