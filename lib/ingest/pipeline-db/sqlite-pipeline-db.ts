import Database from "better-sqlite3";
import { SerialQueue } from "./serial-queue";
import { timestamp, type EventRow, type PipelineDb, type Row, type SqlSession } from "./sql-session";

const INSERT_EVENT = `INSERT INTO "WechatEvent" ("accountId", "fromUser", "createTime", "event", "eventKey", "ticket", "receivedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
// Another connection (Prisma's, the CLI, a backup) may hold the write lock: BEGIN IMMEDIATE then
// fails at once (busy_timeout 0: better-sqlite3 would wait synchronously, freezing the event loop)
// and is retried asynchronously with backoff for up to this long.
const BUSY_RETRY_MS = 3500;

export class SqliteBusyError extends Error {}
const isBusy = (e: unknown) => (e as { code?: string })?.code === "SQLITE_BUSY" || (e as { code?: string })?.code === "SQLITE_LOCKED";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pipeline on SQLite: its own connection, synchronous=FULL (an acknowledged push survives power loss). */
export function sqlitePipelineDb(file: string): PipelineDb {
  const connection = new Database(file);
  connection.pragma("busy_timeout = 0");
  connection.pragma("foreign_keys = ON");
  connection.pragma("cache_size = -65536"); // 64 MiB: the worker's batches touch index pages all over
  // Checkpoint every ~40 MB of WAL instead of 4 MB: pages that several batches dirty are copied back
  // once (measured: commits of 500-event batches took half the time).
  connection.pragma("wal_autocheckpoint = 10000");
  // Raw events are acknowledged, so their commits are synced to disk (FULL). Attribution is derived
  // from them: its commits skip the sync (NORMAL, still safe from process crashes). A power loss can
  // only lose a suffix of the WAL, and every acknowledged event's commit synced all before it; a lost
  // attribution batch leaves its events pending (attributedAt rolls back with the ledger) to be redone.
  let synchronous = "";
  const durability = (mode: "FULL" | "NORMAL") => {
    if (synchronous !== mode) connection.pragma(`synchronous = ${(synchronous = mode)}`);
  };
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  };
  const session: SqlSession = {
    provider: "sqlite",
    all: async <T extends Row>(sql: string, params: unknown[] = []) => prepare(sql).all(...params) as T[],
    run: async (sql: string, params: unknown[] = []) => prepare(sql).run(...params).changes,
  };
  const queue = new SerialQueue();

  async function begin(mode: "FULL" | "NORMAL") {
    durability(mode);
    const giveUpAt = Date.now() + BUSY_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return void connection.exec("BEGIN IMMEDIATE");
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= giveUpAt) throw new SqliteBusyError("The database stayed locked by another connection");
        await sleep(Math.min(5 * 2 ** attempt, 100));
      }
    }
  }

  function transaction<T>(work: (s: SqlSession) => Promise<T>, mode: "FULL" | "NORMAL" = "NORMAL"): Promise<T> {
    return queue.run(async () => {
      await begin(mode);
      try {
        const result = await work(session);
        connection.exec("COMMIT");
        return result;
      } catch (error) {
        if (connection.inTransaction) connection.exec("ROLLBACK");
        throw error;
      }
    });
  }

  return {
    provider: "sqlite",
    transaction: (work) => transaction(work),
    insertEvents: (rows: EventRow[], receivedAt: Date) =>
      transaction(async () => {
        const insert = prepare(INSERT_EVENT);
        const at = timestamp("sqlite", receivedAt);
        return rows.map((r) => insert.run(r.accountId, r.fromUser, r.createTime, r.event, r.eventKey, r.ticket, at).changes > 0);
      }, "FULL"),
    read: async <T extends Row>(sql: string, params: unknown[] = []) => prepare(sql).all(...params) as T[],
    close: async () => void connection.close(),
  };
}
