// The ingestion pipeline's own database access: plain SQL on a connection (SQLite) or pool
// (PostgreSQL) of its own, beside Prisma's. The hot path needs a multi-row insert per group
// commit and the worker set-based statements, both cheaper in SQL than through the ORM.
// SQL is written once with `?` placeholders and quoted camelCase names, valid on both databases.

export type Provider = "sqlite" | "postgresql";
export type Row = Record<string, unknown>;

/** One transaction's statements. */
export interface SqlSession {
  readonly provider: Provider;
  all<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

export type EventRow = {
  accountId: string;
  fromUser: string;
  createTime: number;
  event: string;
  eventKey: string | null;
  ticket: string | null;
};

export interface PipelineDb {
  readonly provider: Provider;
  /** Inserts the rows in one transaction (a group commit); true for each row that was new. */
  insertEvents(rows: EventRow[], receivedAt: Date): Promise<boolean[]>;
  /** SQLite: copies up to `limit` acknowledged rows from the inbox into WechatEvent (none on PostgreSQL); `throughId` is the last one's inbox id. */
  moveInbox(limit: number): Promise<{ moved: number; throughId: number }>;
  /** SQLite: forgets inbox rows up to `throughId` once moved. */
  forgetInbox(throughId: number): Promise<void>;
  /** Rows in SQLite's inbox, of one account or all (a moved row counts until the inbox forgets it, moments later). */
  inboxPending(accountId?: string): Promise<{ count: number; oldestReceivedAt: Date | null }>;
  /** Runs `work` in one write transaction; concurrent calls in this process run one at a time. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** A read outside any transaction. */
  read<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** How a timestamp is stored: the same text Prisma writes on SQLite, UTC without zone on PostgreSQL. */
export function timestamp(provider: Provider, date: Date): string {
  const iso = date.toISOString();
  return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso.slice(0, 23);
}

/** SQLite has no booleans: it stores them as 0/1 (as Prisma does). */
export function bool(provider: Provider, value: boolean | null): boolean | number | null {
  if (value === null) return null;
  return provider === "sqlite" ? Number(value) : value;
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row VALUES list. */
export function valuesList(rows: number, columns: number): string {
  const one = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  return Array.from({ length: rows }, () => one).join(", ");
}

/** `?, ?, ?` for an IN list. */
export const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Splits a list into chunks that keep statements under both databases' parameter limits. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
