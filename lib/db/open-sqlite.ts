// The embedded SQLite driver: libsql, whose native module npm installs from a platform package of
// the registry (@libsql/linux-x64-gnu, @libsql/darwin-arm64, @libsql/win32-x64-msvc, …), so an
// install needs no compiler and nothing outside the registry. Everything that opens SQLite goes
// through here (Prisma's adapter, the ingestion pipeline, migrations, the demo writer, tools), which
// keeps the driver's quirks in one place:
// - a boolean bind parameter aborts the whole process (a Rust panic in libsql 0.5), and a lone
//   object is taken for named parameters: parameters are always passed as a checked array;
// - `get()` adds a `_metadata` member to its row, removed here;
// - the constructor ignores `readonly`: `PRAGMA query_only` enforces it.
import Libsql from "libsql";

type LibsqlStatement = Libsql.Statement;

/** What a bind parameter may be; booleans are stored as 0/1 (as Prisma does). */
export type SqlParam = string | number | bigint | boolean | null | Uint8Array;

export interface SqliteStatement {
  /** Runs a statement; `changes` is the number of rows it changed. */
  run(params?: readonly SqlParam[]): { changes: number; lastInsertRowid: number | bigint };
  all<T = Record<string, unknown>>(params?: readonly SqlParam[]): T[];
  get<T = Record<string, unknown>>(params?: readonly SqlParam[]): T | undefined;
  /** Rows as arrays of values, in column order. */
  values(params?: readonly SqlParam[]): unknown[][];
  /** The result's columns with their declared types (null for expressions). */
  columns(): { name: string; type: string | null }[];
  /** True when the statement returns rows (a SELECT, a RETURNING). */
  readonly reader: boolean;
}

export interface SqliteConnection {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  /** Runs `PRAGMA <pragma>` and returns the first column of its first row (undefined for none). */
  pragma(pragma: string): unknown;
  readonly inTransaction: boolean;
  close(): void;
}

export type OpenOptions = {
  /** How long a statement waits for another connection's lock before SQLITE_BUSY (default 0: fail at once). */
  busyTimeoutMs?: number;
  readonly?: boolean;
  /** Integers come back as bigint (Prisma's adapter needs the full 64 bits). */
  safeIntegers?: boolean;
};

function checked(params: readonly SqlParam[]): SqlParam[] {
  const out = new Array<SqlParam>(params.length);
  for (let i = 0; i < params.length; i++) {
    const value = params[i];
    if (typeof value === "boolean") out[i] = value ? 1 : 0;
    else if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "bigint" || value instanceof Uint8Array) out[i] = value;
    else if (value === undefined) out[i] = null;
    else throw new TypeError(`SQLite parameter ${i + 1}: cannot bind a value of type ${Object.prototype.toString.call(value)}`);
  }
  return out;
}

function statement(inner: LibsqlStatement): SqliteStatement {
  let raw = false;
  const mode = (wanted: boolean) => {
    if (raw !== wanted) inner.raw((raw = wanted));
  };
  return {
    run: (params = []) => inner.run(checked(params)) as { changes: number; lastInsertRowid: number | bigint },
    all: <T>(params: readonly SqlParam[] = []) => (mode(false), inner.all(checked(params)) as T[]),
    get<T>(params: readonly SqlParam[] = []) {
      mode(false);
      const row = inner.get(checked(params)) as (T & { _metadata?: unknown }) | undefined;
      if (row) delete row._metadata;
      return row;
    },
    values(params = []) {
      if (!inner.reader) {
        inner.run(checked(params)); // raw() throws for statements without rows
        return [];
      }
      mode(true);
      return inner.all(checked(params)) as unknown[][];
    },
    columns: () => inner.columns() as { name: string; type: string | null }[],
    get reader() {
      return inner.reader;
    },
  };
}

/** Opens (creating if needed, unless read-only) the SQLite database file at `file`. */
export function openSqlite(file: string, options: OpenOptions = {}): SqliteConnection {
  const inner = new Libsql(file);
  const connection: SqliteConnection = {
    exec: (sql) => inner.exec(sql),
    prepare: (sql) => statement(inner.prepare(sql)),
    pragma: (pragma) => {
      const row = connection.prepare(`PRAGMA ${pragma}`).values()[0];
      return row?.[0];
    },
    get inTransaction() {
      return inner.inTransaction;
    },
    close: () => inner.close(),
  };
  try {
    connection.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 0))}`);
    if (options.readonly) connection.pragma("query_only = ON");
    if (options.safeIntegers) inner.defaultSafeIntegers(true);
  } catch (error) {
    inner.close();
    throw error;
  }
  return connection;
}
