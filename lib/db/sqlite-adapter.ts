// Prisma's driver adapter for the embedded SQLite (libsql through open-sqlite.ts): one connection
// per client, with a mutex that lets one transaction at a time use the connection (a query outside
// it waits, as in Prisma's libsql adapter); the engine sends BEGIN's COMMIT or ROLLBACK itself.
// (@prisma/adapter-libsql 6.19 is no substitute: it goes through @libsql/client 0.8, an older
// libsql, and opens a new connection after every transaction, losing the per-connection pragmas.)
//
// libsql never resets a prepared statement that failed with SQLITE_BUSY (it exposes no reset), and
// such a statement keeps its connection in the past: on the snapshot of that moment (every later
// read of the process saw the database as it was then) and inside an implicit transaction that
// never ends (later writes stayed uncommitted, holding the write lock). So no statement is let near
// a busy database: transactions begin IMMEDIATE, and a write outside one runs in its own, so only
// BEGIN meets the lock (retried asynchronously); should a statement still fail so, its connection is
// replaced before the next query.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { isBusyCode } from "./begin-immediate";
import { throwSqliteError } from "./map-sqlite-error";
import { openSqlite, type SqliteConnection } from "./open-sqlite";
import { ADAPTER_NAME, Mutex, Queryable, SqliteTransaction, type Link } from "./sqlite-queryable";
import { setTimeout as sleep } from "node:timers/promises";

// Per-connection settings. WAL itself is persistent and set by the migrate step.
// synchronous=FULL makes each acknowledged commit durable across a power loss too, not only across
// a process crash; foreign keys enforce the schema's relations (cascades, restrict).
const CONNECTION_PRAGMAS = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
// A transaction waits this long (asynchronously) for another connection's write lock; within
// Prisma's maxWait (2 s) for starting one.
const BEGIN_RETRY_MS = 1500;
// A statement that may write: not a read, pragma or transaction control; a WITH … SELECT (the
// dashboards' raw queries) is a read unless it carries an INSERT, UPDATE, DELETE or REPLACE.
const READS = /^\s*(?:SELECT|PRAGMA|EXPLAIN|BEGIN|COMMIT|ROLLBACK|END|SAVEPOINT|RELEASE|VALUES|\()/i;
export const mayWrite = (sql: string) => !READS.test(sql) && !(/^\s*WITH\b/i.test(sql) && !/\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql));

class SqliteAdapter extends Queryable implements SqlDriverAdapter {
  readonly #mutex = new Mutex();

  constructor(link: Link, private readonly open: () => SqliteConnection) {
    super(link);
  }

  // Holding the mutex: a connection a statement failed on with SQLITE_BUSY is closed (libsql
  // finalizes the statement when it is collected) and a fresh one takes its place.
  #renew() {
    if (!this.link.stale || this.link.connection.inTransaction) return; // renewed once the transaction is over
    const old = this.link.connection;
    this.link.connection = this.open();
    this.link.cache.clear();
    this.link.stale = false;
    try {
      old.close();
    } catch {
      // already unusable; it goes with its statements
    }
  }

  #acquire = async () => {
    const release = await this.#mutex.acquire();
    try {
      this.#renew();
    } catch (error) {
      release();
      throw error;
    }
    return release;
  };

  // A query outside a transaction waits for the open one: on the shared connection it would
  // otherwise run inside it, read its uncommitted rows and be rolled back with it.
  async #alone<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.#acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  // A read meets a busy database only in WAL's rare moments (recovery, a checkpoint resetting the
  // log): it is retried on the renewed connection, asynchronously, as BEGIN is.
  async #read<T>(work: () => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + BEGIN_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#alone(work);
      } catch (error) {
        const busy = error instanceof DriverAdapterError && error.cause.kind === "SocketTimeout";
        if (!busy || Date.now() >= giveUpAt) throw error;
      }
      await sleep(Math.min(2 ** attempt, 8));
    }
  }

  /**
   * Holds the connection with BEGIN IMMEDIATE done, or (`joinOpen`, for a plain write) with a
   * transaction begun by hand still open (`begun` false). While another connection has the write lock, the connection is let go between
   * attempts, so this process's reads go on meanwhile; past BEGIN_RETRY_MS the SQLITE_BUSY is thrown.
   */
  async #begin(joinOpen: boolean): Promise<{ release: () => void; begun: boolean }> {
    const giveUpAt = Date.now() + BEGIN_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      const release = await this.#acquire();
      try {
        if (joinOpen && this.link.connection.inTransaction) return { release, begun: false };
        this.link.connection.exec("BEGIN IMMEDIATE");
        return { release, begun: true };
      } catch (error) {
        release();
        if (!isBusyCode(error) || Date.now() >= giveUpAt) throwSqliteError(error);
      }
      await sleep(Math.min(2 ** attempt, 8)); // the pipeline's write transactions last milliseconds
    }
  }

  // A write outside a transaction runs in one of its own, begun IMMEDIATE: only BEGIN can then meet
  // a busy database, never the statement itself.
  async #write<T>(sql: string, work: () => Promise<T>): Promise<T> {
    if (!mayWrite(sql)) return this.#read(work);
    const { release, begun } = await this.#begin(true);
    const { connection } = this.link;
    try {
      const result = await work();
      if (begun) connection.exec("COMMIT");
      return result;
    } catch (error) {
      if (begun && connection.inTransaction) connection.exec("ROLLBACK");
      throw error;
    } finally {
      release();
    }
  }

  override queryRaw(query: SqlQuery) {
    return this.#write(query.sql, () => super.queryRaw(query));
  }

  override executeRaw(query: SqlQuery) {
    return this.#write(query.sql, () => super.executeRaw(query));
  }

  async executeScript(script: string) {
    await this.#alone(async () => {
      try {
        this.link.connection.exec(script);
      } catch (error) {
        throwSqliteError(error);
      }
    });
  }

  async startTransaction(isolationLevel?: string): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const { release } = await this.#begin(false);
    return new SqliteTransaction(this.link, release);
  }

  async dispose() {
    this.link.connection.close();
  }
}

function openConnection(file: string, busyTimeoutMs: number) {
  const connection = openSqlite(file.replace(/^file:/, ""), { busyTimeoutMs, safeIntegers: true });
  try {
    connection.exec(CONNECTION_PRAGMAS);
  } catch (error) {
    connection.close();
    throw error;
  }
  return connection;
}

function connect(file: string, busyTimeoutMs: number) {
  const open = () => openConnection(file, busyTimeoutMs);
  return new SqliteAdapter({ connection: open(), cache: new Map(), stale: false }, open);
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
