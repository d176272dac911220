import { openSqlite, type SqlParam, type SqliteStatement } from "../../db/open-sqlite";
import { placeholders, timestamp, type EventRow, type PipelineDb, type Row, type SqlSession } from "./sql-session";
import { openSqliteInbox } from "./sqlite-inbox";
import { sqliteWriter } from "./sqlite-writer";

export { SqliteBusyError } from "./sqlite-writer";

const INSERT_EVENT = `INSERT INTO "WechatEvent" ("accountId", "fromUser", "createTime", "event", "eventKey", "ticket", "receivedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
const STORED = `SELECT 1 FROM "WechatEvent" WHERE "accountId" = ? AND "fromUser" = ? AND "createTime" = ? AND "event" = ?`;

/** The pipeline on SQLite: its own connections (the main file and the inbox); acknowledged pushes are synced to disk. */
export function sqlitePipelineDb(file: string): PipelineDb {
  const connection = openSqlite(file); // busy_timeout 0
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
  const statements = new Map<string, SqliteStatement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  };
  const session: SqlSession = {
    provider: "sqlite",
    all: async <T extends Row>(sql: string, params: unknown[] = []) => prepare(sql).all<T>(params as SqlParam[]),
    run: async (sql: string, params: unknown[] = []) => prepare(sql).run(params as SqlParam[]).changes,
  };
  const inbox = openSqliteInbox(file);
  const write = sqliteWriter(connection);
  const transaction = <T>(work: (s: SqlSession) => Promise<T>, mode: "FULL" | "NORMAL" = "NORMAL") => write(() => work(session), () => durability(mode));

  return {
    provider: "sqlite",
    transaction: (work) => transaction(work),
    // Into the inbox (its own write lock), unless the main file has the event already (a retry).
    async insertEvents(rows: EventRow[], receivedAt: Date) {
      const stored = prepare(STORED);
      const fresh = rows.map((r) => !stored.get([r.accountId, r.fromUser, r.createTime, r.event]));
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
        const live = new Set(prepare(`SELECT "id" FROM "Account" WHERE "id" IN (${placeholders(accounts.length)})`).all(accounts).map((a) => (a as { id: string }).id));
        const insert = prepare(INSERT_EVENT);
        for (const r of rows) if (live.has(r.accountId)) insert.run([r.accountId, r.fromUser, r.createTime, r.event, r.eventKey, r.ticket, r.receivedAt]);
      }, "FULL");
      return { moved: rows.length, throughId: rows[rows.length - 1].id };
    },
    forgetInbox: async (throughId: number) => void (await inbox.forget(throughId)),
    inboxPending: async (accountId?: string) => {
      const { n, oldest } = inbox.pending(accountId);
      return { count: n, oldestReceivedAt: oldest ? new Date(oldest) : null };
    },
    read: async <T extends Row>(sql: string, params: unknown[] = []) => prepare(sql).all<T>(params as SqlParam[]),
    close: async () => {
      connection.close();
      inbox.close();
    },
  };
}
