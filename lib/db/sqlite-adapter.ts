// Prisma's driver adapter for the embedded SQLite (libsql through open-sqlite.ts): one connection
// per client, with a mutex that lets one transaction at a time use the connection (a query outside
// it waits, as in Prisma's libsql adapter); the engine sends BEGIN's COMMIT or ROLLBACK itself.
// (@prisma/adapter-libsql 6.19 is no substitute: it goes through @libsql/client 0.8, an older
// libsql, and opens a new connection after every transaction, losing the per-connection pragmas.)
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { throwSqliteError } from "./map-sqlite-error";
import { openSqlite, type SqliteConnection, type SqliteStatement } from "./open-sqlite";
import { columnTypes, engineRow, sqliteArg } from "./sqlite-values";

// Per-connection settings. WAL itself is persistent and set by the migrate step.
// synchronous=FULL makes each acknowledged commit durable across a power loss too, not only across
// a process crash; foreign keys enforce the schema's relations (cascades, restrict).
const CONNECTION_PRAGMAS = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
const ADAPTER_NAME = "scenecode-libsql";
// Prepared statements kept per connection: the engine sends the same few hundred SQL texts.
const STATEMENT_CACHE = 500;

class Mutex {
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

class Queryable {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(protected readonly connection: SqliteConnection, protected readonly cache: Map<string, SqliteStatement>) {}

  private statement(sql: string) {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      if (this.cache.size >= STATEMENT_CACHE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, statement);
    }
    return statement;
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
      throwSqliteError(error);
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    try {
      return this.statement(query.sql).run(query.args.map((arg, i) => sqliteArg(arg, query.argTypes[i]))).changes;
    } catch (error) {
      throwSqliteError(error);
    }
  }
}

class SqliteTransaction extends Queryable implements Transaction {
  readonly options = { usePhantomQuery: false };
  constructor(connection: SqliteConnection, cache: Map<string, SqliteStatement>, private readonly release: () => void) {
    super(connection, cache);
  }
  // The engine has sent COMMIT or ROLLBACK through executeRaw already: only the connection is released.
  async commit() {
    this.release();
  }
  async rollback() {
    this.release();
  }
}

class SqliteAdapter extends Queryable implements SqlDriverAdapter {
  readonly #mutex = new Mutex();

  // A query outside a transaction waits for the open one: on the shared connection it would
  // otherwise run inside it, read its uncommitted rows and be rolled back with it.
  async #alone<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.#mutex.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  override queryRaw(query: SqlQuery) {
    return this.#alone(() => super.queryRaw(query));
  }

  override executeRaw(query: SqlQuery) {
    return this.#alone(() => super.executeRaw(query));
  }

  async executeScript(script: string) {
    await this.#alone(async () => {
      try {
        this.connection.exec(script);
      } catch (error) {
        throwSqliteError(error);
      }
    });
  }

  async startTransaction(isolationLevel?: string): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const release = await this.#mutex.acquire();
    try {
      this.connection.exec("BEGIN");
    } catch (error) {
      release();
      throwSqliteError(error);
    }
    return new SqliteTransaction(this.connection, this.cache, release);
  }

  async dispose() {
    this.connection.close();
  }
}

function connect(file: string, busyTimeoutMs: number) {
  const connection = openSqlite(file.replace(/^file:/, ""), { busyTimeoutMs, safeIntegers: true });
  try {
    connection.exec(CONNECTION_PRAGMAS);
  } catch (error) {
    connection.close();
    throw error;
  }
  return new SqliteAdapter(connection, new Map());
}

/** The adapter factory for the SQLite file at `file`, with Scenecode's pragmas on every connection. */
export function sqliteAdapter(file: string, busyTimeoutMs: number): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "sqlite",
    adapterName: ADAPTER_NAME,
    connect: async () => connect(file, busyTimeoutMs),
    connectToShadowDb: async () => connect(":memory:", busyTimeoutMs),
  };
}
