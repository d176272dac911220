// Bulk writes on PostgreSQL: multi-row INSERT … SELECT FROM unnest(arrays) in chunks, on one pg
// connection. Timestamps travel as UTC text (the columns are timestamp(3) without time zone).
import pg from "pg";
import type { DemoChunk } from "./generate-demo";
import { ACCOUNT_COUNTERS, PROMOTER_COUNTERS, type Rollups } from "./rollups";
import type { DemoWriter } from "./demo-writer";

const ROWS_PER_STATEMENT = 5000;
const ts = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 23).replace("T", " "));

type Column<T> = [name: string, type: string, value: (row: T) => unknown];

/** INSERT INTO table (accountId, …columns) SELECT $1, * FROM unnest($2::type[], …). */
async function insertMany<T>(client: pg.Client, table: string, accountId: string, columns: Column<T>[], rows: T[], conflict = "") {
  const names = ["accountId", ...columns.map(([name]) => name)].map((n) => `"${n}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 2}::${type}[]`).join(", ");
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = columns.map(([, , value]) => part.map(value));
    await client.query(`INSERT INTO "${table}" (${names}) SELECT $1, * FROM unnest(${arrays}) ${conflict}`, [accountId, ...values]);
  }
}

const counterColumns = <K extends string>(keys: readonly K[]): Column<Record<K, number>>[] => keys.map((k) => [k, "int", (r) => r[k]]);
const addOnConflict = (table: string, target: string, keys: readonly string[]) =>
  `ON CONFLICT (${target}) DO UPDATE SET ${keys.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(", ")}`;

export function postgresWriter(url: string): DemoWriter {
  const client = new pg.Client({ connectionString: url });
  const ready = client.connect().then(() => client.query("SET synchronous_commit = off"));
  const run = async <R>(work: () => Promise<R>) => {
    await ready;
    return work();
  };
  return {
    nextIds: () =>
      run(async () => {
        const max = async (table: string) => Number((await client.query(`SELECT COALESCE(MAX("id"), 0) AS n FROM "${table}"`)).rows[0].n);
        return { event: (await max("WechatEvent")) + 1, attribution: (await max("Attribution")) + 1 };
      }),
    writeChunk: (accountId, chunk: DemoChunk) =>
      run(async () => {
        await client.query("BEGIN");
        await insertMany(client, "WechatEvent", accountId, [
          ["id", "int", (e) => e.id], ["fromUser", "text", (e) => e.fromUser], ["createTime", "bigint", (e) => e.createTime], ["event", "text", (e) => e.event],
          ["eventKey", "text", (e) => e.eventKey], ["ticket", "text", (e) => e.ticket], ["receivedAt", "timestamp(3)", (e) => ts(e.receivedAt)], ["attributedAt", "timestamp(3)", (e) => ts(e.attributedAt)],
        ], chunk.events);
        await insertMany(client, "Follower", accountId, [
          ["id", "text", (f) => f.id], ["openid", "text", (f) => f.openid], ["promoterId", "text", (f) => f.promoterId], ["source", "text", (f) => f.source],
          ["firstSceneKey", "text", (f) => f.firstSceneKey], ["status", "text", (f) => f.status], ["firstFollowedAt", "timestamp(3)", (f) => ts(f.firstFollowedAt)],
          ["lastFollowedAt", "timestamp(3)", (f) => ts(f.lastFollowedAt)], ["unfollowedAt", "timestamp(3)", (f) => ts(f.unfollowedAt)], ["retained7", "boolean", (f) => f.retained7],
          ["createdAt", "timestamp(3)", (f) => ts(f.createdAt)], ["updatedAt", "timestamp(3)", (f) => ts(f.updatedAt)],
          ["qualified", "boolean", (f) => f.qualified],
        ], chunk.followers);
        await insertMany(client, "Attribution", accountId, [
          ["id", "int", (a) => a.id], ["eventId", "int", (a) => a.eventId], ["followerId", "text", (a) => a.followerId], ["promoterId", "text", (a) => a.promoterId],
          ["qrCodeId", "text", (a) => a.qrCodeId], ["sceneKey", "text", (a) => a.sceneKey], ["kind", "text", (a) => a.kind], ["occurredAt", "timestamp(3)", (a) => ts(a.occurredAt)],
          ["day", "text", (a) => a.day], ["createdAt", "timestamp(3)", (a) => ts(a.createdAt)],
        ], chunk.attributions);
        await client.query("COMMIT");
      }),
    writeRollups: (accountId, rollups: Rollups) =>
      run(async () => {
        await client.query("BEGIN");
        const promoterKeys: Column<{ promoterId: string; day: string }>[] = [["promoterId", "text", (r) => r.promoterId], ["day", "text", (r) => r.day]];
        await insertMany(client, "PromoterDailyStat", accountId, [...promoterKeys, ...counterColumns(PROMOTER_COUNTERS)] as Column<never>[], [...rollups.promoter.values()] as never[],
          addOnConflict("PromoterDailyStat", `"accountId", "promoterId", "day"`, PROMOTER_COUNTERS));
        await insertMany(client, "AccountDailyStat", accountId, [["day", "text", (r: { day: string }) => r.day], ...counterColumns(ACCOUNT_COUNTERS)] as Column<never>[], [...rollups.account.values()] as never[],
          addOnConflict("AccountDailyStat", `"accountId", "day"`, ACCOUNT_COUNTERS));
        // Rows were written with explicit ids: move the sequences past them.
        for (const table of ["WechatEvent", "Attribution"]) {
          await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT COALESCE(MAX("id"), 0) FROM "${table}"), 1))`);
        }
        await client.query("COMMIT");
      }),
    close: () => run(async () => {
      await client.query(`ANALYZE "WechatEvent", "Attribution", "Follower", "PromoterDailyStat", "AccountDailyStat"`);
      await client.end();
    }),
  };
}
