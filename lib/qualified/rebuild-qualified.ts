// The rebuild after Account.qualifyDays changed: replays credited followers' stored events (the same
// replay the attribution worker runs, lib/ingest/attribute) in openid order, a chunk per transaction
// serialized with the worker, so Follower.qualified and PromoterDailyStat.qualified are corrected by
// the replay's own deltas. Resumable: QualifiedFollowState.rebuildOpenid is the last openid done.
import type { PipelineDb } from "../ingest/pipeline-db/sql-session";
import { inWorkerTransaction, replayAndWrite } from "../backfill/import-chunk";

const CHUNK = 500;

/**
 * Rebuilds the next chunk after `after`; true once the account is done. The cursor advances only if
 * the N used is still the account's and no newer change restarted the rebuild meanwhile.
 */
export async function rebuildQualifiedChunk(database: PipelineDb, accountId: string, after: string, now = new Date()): Promise<boolean> {
  return inWorkerTransaction(database, async (session) => {
    const [account] = await session.all(`SELECT "qualifyDays" FROM "Account" WHERE "id" = ?`, [accountId]);
    if (!account) return true;
    const days = Number(account.qualifyDays);
    // Only followers credited through a code (source "qr") count toward qualified follows.
    const rows = await session.all<{ openid: string }>(
      `SELECT "openid" FROM "Follower" WHERE "accountId" = ? AND "source" = 'qr' AND "openid" > ? ORDER BY "openid" LIMIT ${CHUNK}`,
      [accountId, after],
    );
    if (rows.length) await replayAndWrite(session, accountId, rows.map((r) => r.openid), now);
    const next = rows.length === CHUNK ? rows[rows.length - 1].openid : null; // null: done
    await session.run(
      `UPDATE "QualifiedFollowState" SET "rebuildOpenid" = ?
        WHERE "accountId" = ? AND "rebuildOpenid" = ? AND EXISTS (SELECT 1 FROM "Account" WHERE "id" = ? AND "qualifyDays" = ?)`,
      [next, accountId, after, accountId, days],
    );
    return next === null;
  });
}
