// The part of the SQLite adapter that runs statements: on the adapter itself (outside a transaction,
// under its mutex) and on a transaction. Both share one Link, the connection and its statements.
import type { SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { isBusyCode } from "./begin-immediate";
import { throwSqliteError } from "./map-sqlite-error";
import type { SqliteConnection, SqliteStatement } from "./open-sqlite";
import { columnTypes, engineRow, sqliteArg } from "./sqlite-values";

export const ADAPTER_NAME = "scenecode-libsql";
// Prepared statements kept per connection: the engine sends the same few hundred SQL texts.
const STATEMENT_CACHE = 500;

/** The connection and its prepared statements; `stale` once a failed statement may hold it in the past. */
export type Link = { connection: SqliteConnection; cache: Map<string, SqliteStatement>; stale: boolean };


export class Queryable {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(protected readonly link: Link) {}

  private statement(sql: string) {
    const { cache } = this.link;
    let statement = cache.get(sql);
    if (!statement) {
      statement = this.link.connection.prepare(sql);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  }

  private failed(sql: string, error: unknown): never {
    // libsql never resets a statement that failed with SQLITE_BUSY: it keeps the connection's
    // snapshot (read) and its implicit transaction open, so later writes stay uncommitted.
    if (isBusyCode(error)) {
      this.link.cache.delete(sql);
      this.link.stale = true;
    }
    throwSqliteError(error);
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      const statement = this.statement(query.sql);
      const args = query.args.map((arg, i) => sqliteArg(arg, query.argTypes[i]));
      if (!statement.reader) {
        statement.run(args);
        return { columnNames: [], columnTypes: [], rows: [] };
      }
      const columns = statement.columns();
      const rows = statement.values(args);
      const types = columnTypes(columns.map((c) => c.type), rows);
      return { columnNames: columns.map((c) => c.name), columnTypes: types, rows: rows.map((row) => engineRow(row, types)) };
    } catch (error) {
      this.failed(query.sql, error);
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    try {
      return this.statement(query.sql).run(query.args.map((arg, i) => sqliteArg(arg, query.argTypes[i]))).changes;
    } catch (error) {
      this.failed(query.sql, error);
    }
  }
}

export class SqliteTransaction extends Queryable implements Transaction {
  readonly options = { usePhantomQuery: false };
  constructor(link: Link, private readonly release: () => void) {
    super(link);
  }
  // The engine has sent COMMIT or ROLLBACK through executeRaw already: only the connection is released.
  async commit() {
    this.release();
  }
  async rollback() {
    this.release();
  }
}

/** One holder at a time: resolves, once every earlier holder has released, to a release function. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  /** Resolves, once every earlier holder has released, to this holder's release function. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}
