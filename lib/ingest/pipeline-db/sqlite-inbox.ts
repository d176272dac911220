import { openSqlite } from "../../db/open-sqlite";
import type { EventRow } from "./sql-session";
import { sqliteWriter } from "./sqlite-writer";

// On SQLite, acknowledged pushes are committed to an inbox: a small database file of its own beside
// the main one. SQLite has one writer per file, and the attribution worker's batches hold the main
// file's write lock for tens of milliseconds; with the inbox, acknowledging a push never waits for
// them. The worker moves inbox rows into WechatEvent (deduplicated there by the unique key) and only
// then are they forgotten here, so a crash between the two steps repeats a move, which changes
// nothing. In a server the store thread forgets them (told by the attribution thread): the inbox's
// write lock is then only ever taken by the thread that acknowledges pushes.
// AUTOINCREMENT: ids only grow and are never reused, so "every row up to the last one moved" never
// takes a newer row (one that got an id freed by another mover: two instances, a drain beside the worker).
const SCHEMA = `CREATE TABLE IF NOT EXISTS "Inbox" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT, "accountId" TEXT NOT NULL, "fromUser" TEXT NOT NULL, "createTime" INTEGER NOT NULL,
  "event" TEXT NOT NULL, "eventKey" TEXT, "ticket" TEXT, "receivedAt" TEXT NOT NULL,
  UNIQUE ("accountId", "fromUser", "createTime", "event"))`;
const INSERT = `INSERT INTO "Inbox" ("accountId", "fromUser", "createTime", "event", "eventKey", "ticket", "receivedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

export type InboxRow = EventRow & { id: number; receivedAt: string };

export type SqliteInbox = ReturnType<typeof openSqliteInbox>;

/** The inbox file of the SQLite database at `file`. */
export const inboxFile = (file: string) => `${file}.inbox`;

/** Opens (creating if needed) the inbox of the SQLite database at `file`. */
export function openSqliteInbox(file: string) {
  const connection = openSqlite(inboxFile(file)); // busy_timeout 0
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = FULL"); // every commit here acknowledges pushes
  connection.exec(SCHEMA);
  const insert = connection.prepare(INSERT);
  const take = connection.prepare(`SELECT * FROM "Inbox" ORDER BY "id" LIMIT ?`);
  const forget = connection.prepare(`DELETE FROM "Inbox" WHERE "id" <= ?`);
  const pending = connection.prepare(`SELECT count(*) AS "n", min("receivedAt") AS "oldest" FROM "Inbox"`);
  const pendingOf = connection.prepare(`SELECT count(*) AS "n", min("receivedAt") AS "oldest" FROM "Inbox" WHERE "accountId" = ?`);

  const write = sqliteWriter(connection);

  return {
    /** Commits the rows (synced to disk); true for each that was not in the inbox already. */
    insert: (rows: EventRow[], receivedAt: string) =>
      write(() => rows.map((r) => insert.run([r.accountId, r.fromUser, r.createTime, r.event, r.eventKey, r.ticket, receivedAt]).changes > 0)),
    /** The oldest rows, in arrival order. */
    take: (limit: number) => take.all<InboxRow>([limit]),
    /** Forgets the rows up to `throughId`, all of them already moved into the main database. */
    forget: (throughId: number) => write(() => forget.run([throughId]).changes),
    /** Rows waiting to be moved (of one account, or all), and when the oldest arrived. */
    pending: (accountId?: string) => (accountId ? pendingOf.get([accountId]) : pending.get()) as { n: number; oldest: string | null },
    close: () => connection.close(),
  };
}
