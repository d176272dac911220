import { pipelineDb } from "../ingest/pipeline-db/get-pipeline-db";
import { bool, timestamp, valuesList, type PipelineDb } from "../ingest/pipeline-db/sql-session";
import { lastDays } from "../stats/day";
import { detectSignals } from "./detect-signals";
import { loadAccountLedger, type DayRange } from "./load-signal-ledger";
import { DEFAULT_THRESHOLDS, type SignalThresholds } from "./signal-settings";

/** The days the stored signals cover: the leaderboard's default range, the last 30 days. */
export const SIGNAL_WINDOW_DAYS = 30;
export const WORST_BURSTS = 5;
const INSERT_CHUNK = 500;

export type StoredBurst = { at: string; qrCodeId: string | null; sceneKey: string | null; count: number };

/** The stored window of an account at `now`. */
export function signalWindow(timeZone: string, now = new Date()): DayRange {
  return lastDays(SIGNAL_WINDOW_DAYS, timeZone, now);
}

const COLUMNS = ["accountId", "promoterId", "fromDay", "toDay", "flagged", "quickFlag", "burstFlag", "nightFlag", "newFollowers", "quickUnfollows", "follows", "nightFollows", "burstMinutes", "burstFollows", "worstBursts", "computedAt"];
const INSERT = (rows: number) => `INSERT INTO "PromoterSignal" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${valuesList(rows, COLUMNS.length)}`;

async function thresholdsOf(pdb: PipelineDb, accountId: string): Promise<SignalThresholds> {
  const [row] = await pdb.read<SignalThresholds>(
    `SELECT "quickUnfollowPct", "minSample", "burstPerMinute", "nightStartHour", "nightEndHour", "nightPct" FROM "SignalSettings" WHERE "accountId" = ?`, [accountId]);
  return row ? { quickUnfollowPct: Number(row.quickUnfollowPct), minSample: Number(row.minSample), burstPerMinute: Number(row.burstPerMinute), nightStartHour: Number(row.nightStartHour), nightEndHour: Number(row.nightEndHour), nightPct: Number(row.nightPct) } : DEFAULT_THRESHOLDS;
}

/**
 * Recomputes an account's PromoterSignal rows from the ledger over the signal window and replaces them
 * in one transaction (promoters without follows in the window get no row). Runs on the pipeline's own
 * connection — in the attribution thread, off the thread that answers requests — and its writes queue
 * behind attribution batches instead of competing for SQLite's lock.
 */
export async function refreshSignals(accountId: string, { now = new Date(), pdb = pipelineDb() }: { now?: Date; pdb?: PipelineDb } = {}) {
  const started = performance.now();
  const [account] = await pdb.read<{ timezone: string }>(`SELECT "timezone" FROM "Account" WHERE "id" = ?`, [accountId]);
  if (!account) return { flagged: 0, promoters: 0, follows: 0, loadedMs: 0, totalMs: 0 };
  const window = signalWindow(account.timezone, now);
  const [thresholds, ledger] = await Promise.all([thresholdsOf(pdb, accountId), loadAccountLedger(pdb, accountId, window, account.timezone)]);
  const loadedMs = performance.now() - started;
  const signals = detectSignals(ledger.follows, ledger.unfollows, thresholds, account.timezone);
  const [codes, promoters] = await Promise.all([
    pdb.read<{ id: string; sceneKey: string }>(`SELECT "id", "sceneKey" FROM "QrCode" WHERE "accountId" = ?`, [accountId]),
    pdb.read<{ id: string }>(`SELECT "id" FROM "Promoter" WHERE "accountId" = ?`, [accountId]),
  ]);
  const scene = new Map(codes.map((c) => [c.id, c.sceneKey]));
  const existing = new Set(promoters.map((p) => p.id)); // a promoter deleted since the ledger was read has no row to point to
  const computedAt = timestamp(pdb.provider, now);
  const b = (v: boolean) => bool(pdb.provider, v);
  const rows = [...signals].filter(([promoterId]) => existing.has(promoterId)).map(([promoterId, s]) => [
    accountId, promoterId, window.from, window.to, b(s.flagged), b(s.quickFlag), b(s.burstFlag), b(s.nightFlag),
    s.newFollowers, s.quickUnfollows.length, s.follows, s.nightFollows.length, s.bursts.length, s.bursts.reduce((sum, x) => sum + x.count, 0),
    JSON.stringify(s.bursts.slice(0, WORST_BURSTS).map((x): StoredBurst => ({ at: new Date(x.at).toISOString(), qrCodeId: x.qrCodeId, sceneKey: x.qrCodeId ? (scene.get(x.qrCodeId) ?? null) : null, count: x.count }))),
    computedAt,
  ]);
  await pdb.transaction(async (session) => {
    await session.run(`DELETE FROM "PromoterSignal" WHERE "accountId" = ?`, [accountId]);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await session.run(INSERT(chunk.length), chunk.flat());
    }
  });
  return { flagged: rows.filter((r) => Boolean(r[4])).length, promoters: rows.length, follows: ledger.follows.length, loadedMs, totalMs: performance.now() - started };
}
