import type { SqliteConnection } from "../../db/open-sqlite";
import { beginImmediate, SqliteBusyError } from "../../db/begin-immediate";
import { SerialQueue } from "./serial-queue";

// BEGIN IMMEDIATE fails at once here (busy_timeout 0) and is retried asynchronously for up to this long.
const BUSY_RETRY_MS = 3500;

export { SqliteBusyError };

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
      await beginImmediate(connection, BUSY_RETRY_MS);
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
