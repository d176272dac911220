import Database from "better-sqlite3";
import { SerialQueue } from "./serial-queue";
import { placeholders, timestamp, type EventRow, type PipelineDb, type Row, type SqlSession } from "./sql-session";
import { openSqliteInbox } from "./sqlite-inbox";

const INSERT_EVENT = `INSERT INTO "WechatEvent" ("accountId", "fromUser", "createTime", "event", "eventKey", "ticket", "receivedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
const STORED = `SELECT 1 FROM "WechatEvent" WHERE "accountId" = ? AND "fromUser" = ? AND "createTime" = ? AND "event" = ?`;
// Another connection (Prisma's, the CLI, a backup) may hold the write lock: BEGIN IMMEDIATE then
// fails at once (busy_timeout 0: better-sqlite3 would wait synchronously, freezing the event loop)
// and is retried asynchronously with backoff for up to this long.
const BUSY_RETRY_MS = 3500;

export class SqliteBusyError extends Error {}
const isBusy = (e: unknown) => (e as { code?: string })?.code === "SQLITE_BUSY" || (e as { code?: string })?.code === "SQLITE_LOCKED";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** BEGIN IMMEDIATE, retried asynchronously while another connection holds the file's write lock. */
async function beginImmediate(connection: Database.Database) {
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

/** The pipeline on SQLite: its own connections (the main file and the inbox); acknowledged pushes are synced to disk. */
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
    await beginImmediate(connection);
  }
  const inbox = openSqliteInbox(file, beginImmediate);

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
    // Into the inbox (its own write lock), unless the main file has the event already (a retry).
    async insertEvents(rows: EventRow[], receivedAt: Date) {
      const stored = prepare(STORED);
      const fresh = rows.map((r) => !stored.get(r.accountId, r.fromUser, r.createTime, r.event));
      if (!fresh.some(Boolean)) return fresh;
      const inserted = await inbox.insert(rows.filter((_, i) => fresh[i]), timestamp("sqlite", receivedAt));
      let next = 0;
      return fresh.map((isFresh) => isFresh && inserted[next++]);
    },
    // Committed (synced) in the main file first, then forgotten by the inbox: a crash in between
    // moves the rows again, and the unique key makes that a no-op. Rows of a deleted account are dropped.
    async moveInbox(limit: number) {
      const rows = inbox.take(limit);
      if (!rows.length) return { moved: 0, throughId: 0 };
      await transaction(async () => {
        const accounts = [...new Set(rows.map((r) => r.accountId))];
        const live = new Set(prepare(`SELECT "id" FROM "Account" WHERE "id" IN (${placeholders(accounts.length)})`).all(...accounts).map((a) => (a as { id: string }).id));
        const insert = prepare(INSERT_EVENT);
        for (const r of rows) if (live.has(r.accountId)) insert.run(r.accountId, r.fromUser, r.createTime, r.event, r.eventKey, r.ticket, r.receivedAt);
      }, "FULL");
      return { moved: rows.length, throughId: rows[rows.length - 1].id };
    },
    forgetInbox: async (throughId: number) => void (await inbox.forget(throughId)),
    inboxPending: async (accountId?: string) => {
      const { n, oldest } = inbox.pending(accountId);
      return { count: n, oldestReceivedAt: oldest ? new Date(oldest) : null };
    },
    read: async <T extends Row>(sql: string, params: unknown[] = []) => prepare(sql).all(...params) as T[],
    close: async () => {
      connection.close();
      inbox.close();
    },
  };
}
