// Bulk writes on SQLite: one direct connection (lib/db/open-sqlite), prepared statements, one transaction
// per chunk. Dates are stored as Prisma's SQLite adapter stores them (ISO 8601 with "+00:00").
import { openSqlite, type SqliteConnection } from "../../lib/db/open-sqlite";
import type { DemoChunk } from "./generate-demo";
import { ACCOUNT_COUNTERS, PROMOTER_COUNTERS, type Rollups } from "./rollups";
import type { DemoWriter } from "./demo-writer";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace("Z", "+00:00"));
const upsertSet = (table: string, columns: readonly string[]) => columns.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(", ");

/** `work` in one write transaction: committed whole, or rolled back and rethrown. */
function transaction<A extends unknown[]>(conn: SqliteConnection, work: (...args: A) => void) {
  return (...args: A) => {
    conn.exec("BEGIN IMMEDIATE");
    try {
      work(...args);
      conn.exec("COMMIT");
    } catch (error) {
      if (conn.inTransaction) conn.exec("ROLLBACK");
      throw error;
    }
  };
}

export function sqliteWriter(file: string): DemoWriter {
  const conn = openSqlite(file, { busyTimeoutMs: 10_000 });
  conn.pragma("synchronous = NORMAL");
  const insertEvent = conn.prepare(`INSERT INTO "WechatEvent" ("id", "accountId", "fromUser", "createTime", "event", "eventKey", "ticket", "receivedAt", "attributedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertAttribution = conn.prepare(`INSERT INTO "Attribution" ("id", "accountId", "eventId", "followerId", "promoterId", "qrCodeId", "sceneKey", "kind", "occurredAt", "day", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertFollower = conn.prepare(`INSERT INTO "Follower" ("id", "accountId", "openid", "promoterId", "source", "firstSceneKey", "status", "firstFollowedAt", "lastFollowedAt", "unfollowedAt", "retained7", "createdAt", "updatedAt", "qualified") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const promoterColumns = PROMOTER_COUNTERS.map((c) => `"${c}"`).join(", ");
  const accountColumns = ACCOUNT_COUNTERS.map((c) => `"${c}"`).join(", ");
  const upsertPromoter = conn.prepare(
    `INSERT INTO "PromoterDailyStat" ("accountId", "promoterId", "day", ${promoterColumns}) VALUES (?, ?, ?, ${PROMOTER_COUNTERS.map(() => "?").join(", ")})
     ON CONFLICT ("accountId", "promoterId", "day") DO UPDATE SET ${upsertSet("PromoterDailyStat", PROMOTER_COUNTERS)}`,
  );
  const upsertAccount = conn.prepare(
    `INSERT INTO "AccountDailyStat" ("accountId", "day", ${accountColumns}) VALUES (?, ?, ${ACCOUNT_COUNTERS.map(() => "?").join(", ")})
     ON CONFLICT ("accountId", "day") DO UPDATE SET ${upsertSet("AccountDailyStat", ACCOUNT_COUNTERS)}`,
  );

  const writeChunk = transaction(conn, (accountId: string, chunk: DemoChunk) => {
    for (const e of chunk.events) insertEvent.run([e.id, accountId, e.fromUser, e.createTime, e.event, e.eventKey, e.ticket, iso(e.receivedAt), iso(e.attributedAt)]);
    for (const f of chunk.followers) {
      const retained = f.retained7 === null ? null : Number(f.retained7);
      insertFollower.run([f.id, accountId, f.openid, f.promoterId, f.source, f.firstSceneKey, f.status, iso(f.firstFollowedAt), iso(f.lastFollowedAt), iso(f.unfollowedAt), retained, iso(f.createdAt), iso(f.updatedAt), f.qualified === null ? null : Number(f.qualified)]);
    }
    for (const a of chunk.attributions) insertAttribution.run([a.id, accountId, a.eventId, a.followerId, a.promoterId, a.qrCodeId, a.sceneKey, a.kind, iso(a.occurredAt), a.day, iso(a.createdAt)]);
  });
  const writeRollups = transaction(conn, (accountId: string, rollups: Rollups) => {
    for (const r of rollups.promoter.values()) upsertPromoter.run([accountId, r.promoterId, r.day, ...PROMOTER_COUNTERS.map((c) => r[c])]);
    for (const r of rollups.account.values()) upsertAccount.run([accountId, r.day, ...ACCOUNT_COUNTERS.map((c) => r[c])]);
  });

  return {
    async nextIds() {
      const max = (table: string) => conn.prepare(`SELECT COALESCE(MAX("id"), 0) AS n FROM "${table}"`).get<{ n: number }>()!.n;
      return { event: max("WechatEvent") + 1, attribution: max("Attribution") + 1 };
    },
    async writeChunk(accountId, chunk) {
      writeChunk(accountId, chunk);
    },
    async writeRollups(accountId, rollups) {
      writeRollups(accountId, rollups);
    },
    async close() {
      conn.pragma("optimize");
      conn.close();
    },
  };
}
