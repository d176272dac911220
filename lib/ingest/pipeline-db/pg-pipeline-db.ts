import pg from "pg";
import { SerialQueue } from "./serial-queue";
import { timestamp, type EventRow, type PipelineDb, type Row, type SqlSession } from "./sql-session";
import { log } from "../../log/logger";

// `timestamp without time zone` holds UTC (as Prisma writes it): parse it as UTC, whatever TZ is.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const INSERT_EVENTS = `INSERT INTO "WechatEvent" ("accountId", "fromUser", "createTime", "event", "eventKey", "ticket", "receivedAt")
  SELECT a, f, c, e, k, t, $7::timestamp(3) FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(a, f, c, e, k, t)
  ON CONFLICT ("accountId", "fromUser", "createTime", "event") DO NOTHING
  RETURNING "accountId", "fromUser", "createTime", "event"`;

const key = (r: { accountId: unknown; fromUser: unknown; createTime: unknown; event: unknown }) => `${r.accountId}\u0000${r.fromUser}\u0000${r.createTime}\u0000${r.event}`;

/** `?` placeholders to PostgreSQL's `$n` (the pipeline's SQL has no `?` inside literals). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The pipeline on PostgreSQL: a small pool of its own; lock waits give up after 3 s. */
export function pgPipelineDb(connectionString: string): PipelineDb {
  const pool = new pg.Pool({ connectionString, max: 4, types, lock_timeout: 3000 });
  pool.on("error", (error) => log().error({ err: error }, "ingest: idle PostgreSQL connection failed"));
  const workQueue = new SerialQueue();

  const query = async <T extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) =>
    (await client.query<T>(numbered(sql), params)).rows;

  return {
    provider: "postgresql",
    async insertEvents(rows: EventRow[], receivedAt: Date) {
      const columns = [rows.map((r) => r.accountId), rows.map((r) => r.fromUser), rows.map((r) => String(r.createTime)), rows.map((r) => r.event), rows.map((r) => r.eventKey), rows.map((r) => r.ticket)];
      const result = await pool.query(INSERT_EVENTS, [...columns, timestamp("postgresql", receivedAt)]);
      const inserted = new Set(result.rows.map(key));
      return rows.map((r) => inserted.delete(key(r))); // a second copy in the same batch was not new
    },
    transaction<T>(work: (s: SqlSession) => Promise<T>) {
      return workQueue.run(async () => {
        const client = await pool.connect();
        const session: SqlSession = {
          provider: "postgresql",
          all: (sql, params) => query(client, sql, params),
          run: async (sql, params = []) => (await client.query(numbered(sql), params)).rowCount ?? 0,
        };
        try {
          await client.query("BEGIN");
          const result = await work(session);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      });
    },
    // PostgreSQL's row locks let raw inserts and attribution batches commit side by side: no inbox.
    moveInbox: async () => ({ moved: 0, throughId: 0 }),
    forgetInbox: async () => {},
    inboxPending: async () => ({ count: 0, oldestReceivedAt: null }),
    read: (sql, params) => query(pool, sql, params),
    close: () => pool.end(),
  };
}
