import type { SqliteConnection } from "../../db/open-sqlite";
import { SerialQueue } from "./serial-queue";

// Another connection (Prisma's, the CLI, a backup, another instance) may hold a file's write lock:
// BEGIN IMMEDIATE then fails at once (busy_timeout 0: SQLite would wait synchronously,
// freezing the event loop) and is retried asynchronously with backoff for up to this long.
const BUSY_RETRY_MS = 3500;

export class SqliteBusyError extends Error {}
const isBusy = (e: unknown) => (e as { code?: string })?.code === "SQLITE_BUSY" || (e as { code?: string })?.code === "SQLITE_LOCKED";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** BEGIN IMMEDIATE, retried asynchronously while another connection holds the file's write lock. */
export async function beginImmediate(connection: SqliteConnection) {
  const giveUpAt = Date.now() + BUSY_RETRY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return void connection.exec("BEGIN IMMEDIATE");
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= giveUpAt) throw new SqliteBusyError("The database stayed locked by another connection");
      await sleep(Math.min(2 * 2 ** attempt, 100));
    }
  }
}

/**
 * Write transactions on one connection, one at a time in call order (statements of two would
 * otherwise interleave at their awaits); each commits whole or rolls back. `before` runs just
 * before its BEGIN (e.g. a pragma that applies to that commit).
 */
export function sqliteWriter(connection: SqliteConnection) {
  const queue = new SerialQueue();
  return function write<T>(work: () => T | Promise<T>, before: () => void = () => {}): Promise<T> {
    return queue.run(async () => {
      before();
      await beginImmediate(connection);
      try {
        const result = await work();
        connection.exec("COMMIT");
        return result;
      } catch (error) {
        if (connection.inTransaction) connection.exec("ROLLBACK");
        throw error;
      }
    });
  };
}
