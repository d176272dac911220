import { db, Prisma } from "../db";
import { mergeRows, type CallbackAggregator, type CounterRow } from "./callback-aggregator";
import { callbackCounters } from "./record-callback";

// Rows per INSERT: a small statement holds SQLite's write lock (shared with the ingestion pipeline) only briefly.
// A busy database is not retried here: SQLite's busy wait blocks the event loop (lib/db.ts), so the rows
// simply wait on the aggregator for the next flush, a few seconds later.
const ROWS_PER_STATEMENT = 100;
export const KEEP_MS = 8 * 86_400_000;
// Counts a failed flush could not write wait for the next one, up to this many rows (then the oldest go).
const MAX_PENDING_ROWS = 20_000;

/**
 * Adds counts to CallbackCounter with one atomic upsert per chunk: "count = count + n" sums what
 * every instance flushes, and lastAtMs keeps the maximum. The same SQL runs on SQLite and PostgreSQL.
 */
async function writeChunk(chunk: CounterRow[]): Promise<void> {
  const values = chunk.map(
    (r) => Prisma.sql`(${r.accountId}, CAST(${BigInt(r.bucketMs)} AS BIGINT), ${r.kind}, CAST(${r.count} AS INTEGER), CAST(${BigInt(r.lastAtMs)} AS BIGINT))`,
  );
  await db().$executeRaw(Prisma.sql`
    INSERT INTO "CallbackCounter" ("accountId", "bucketMs", "kind", "count", "lastAtMs") VALUES ${Prisma.join(values)}
    ON CONFLICT ("accountId", "bucketMs", "kind") DO UPDATE SET
      "count" = "CallbackCounter"."count" + excluded."count",
      "lastAtMs" = CASE WHEN excluded."lastAtMs" > "CallbackCounter"."lastAtMs" THEN excluded."lastAtMs" ELSE "CallbackCounter"."lastAtMs" END`);
}

const globalForFlush = globalThis as unknown as { scenecodeCounterPrunedAt?: number };

/**
 * Writes an aggregator's counts (this process's by default, and any a failed flush left behind);
 * on failure the rows not written wait on the aggregator for the next flush. Returns the rows written.
 */
export async function flushCallbackCounters(aggregator: CallbackAggregator = callbackCounters()): Promise<number> {
  const rows = mergeRows([...aggregator.pending, ...aggregator.drain()]);
  aggregator.pending = [];
  if (!rows.length) return 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    try {
      await writeChunk(rows.slice(i, i + ROWS_PER_STATEMENT));
    } catch (error) {
      // Only the chunks not written wait: each chunk is one statement, written whole or not at all.
      aggregator.pending = rows.slice(i).slice(-MAX_PENDING_ROWS);
      throw error;
    }
  }
  return rows.length;
}

/** Deletes buckets older than KEEP_MS, at most once an hour per process. */
export async function pruneCallbackCounters(now = Date.now(), force = false): Promise<number> {
  if (!force && now - (globalForFlush.scenecodeCounterPrunedAt ?? 0) < 3_600_000) return 0;
  globalForFlush.scenecodeCounterPrunedAt = now;
  const { count } = await db().callbackCounter.deleteMany({ where: { bucketMs: { lt: BigInt(now - KEEP_MS) } } });
  return count;
}
