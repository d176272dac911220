import { db } from "../db";
import { lastDays } from "../stats/day";
import { detectSignals } from "./detect-signals";
import { loadSignalLedger, type DayRange } from "./load-signal-ledger";
import { getSignalThresholds } from "./signal-settings";

/** The days the stored signals cover: the leaderboard's default range, the last 30 days. */
export const SIGNAL_WINDOW_DAYS = 30;
export const WORST_BURSTS = 5;

export type StoredBurst = { at: string; qrCodeId: string | null; sceneKey: string | null; count: number };

/** The stored window of an account at `now`. */
export function signalWindow(timeZone: string, now = new Date()): DayRange {
  return lastDays(SIGNAL_WINDOW_DAYS, timeZone, now);
}

/**
 * Recomputes an account's PromoterSignal rows from the ledger over the signal window and replaces them
 * in one transaction (promoters without follows in the window get no row). Returns how many promoters
 * are flagged and how long the computation took.
 */
export async function refreshSignals(accountId: string, now = new Date()) {
  const started = performance.now();
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { timezone: true } });
  const window = signalWindow(account.timezone, now);
  const [thresholds, ledger] = await Promise.all([getSignalThresholds(accountId), loadSignalLedger(accountId, window, account.timezone)]);
  const loadedMs = performance.now() - started;
  const signals = detectSignals(ledger.follows, ledger.unfollows, thresholds, account.timezone);
  const codeIds = [...new Set([...signals.values()].flatMap((s) => s.bursts.slice(0, WORST_BURSTS).map((b) => b.qrCodeId)).filter((id): id is string => id !== null))];
  const codes = codeIds.length ? await db().qrCode.findMany({ where: { accountId, id: { in: codeIds } }, select: { id: true, sceneKey: true } }) : [];
  const scene = new Map(codes.map((c) => [c.id, c.sceneKey]));
  const rows = [...signals].map(([promoterId, s]) => ({
    accountId,
    promoterId,
    fromDay: window.from,
    toDay: window.to,
    flagged: s.flagged,
    quickFlag: s.quickFlag,
    burstFlag: s.burstFlag,
    nightFlag: s.nightFlag,
    newFollowers: s.newFollowers,
    quickUnfollows: s.quickUnfollows.length,
    follows: s.follows,
    nightFollows: s.nightFollows.length,
    burstMinutes: s.bursts.length,
    burstFollows: s.bursts.reduce((sum, b) => sum + b.count, 0),
    worstBursts: JSON.stringify(s.bursts.slice(0, WORST_BURSTS).map((b): StoredBurst => ({ at: new Date(b.at).toISOString(), qrCodeId: b.qrCodeId, sceneKey: b.qrCodeId ? (scene.get(b.qrCodeId) ?? null) : null, count: b.count }))),
    computedAt: now,
  }));
  // A promoter deleted since the ledger was read would fail the insert's foreign key: keep existing ones.
  const existing = new Set((await db().promoter.findMany({ where: { accountId, id: { in: rows.map((r) => r.promoterId) } }, select: { id: true } })).map((p) => p.id));
  const kept = rows.filter((r) => existing.has(r.promoterId));
  await db().$transaction([
    db().promoterSignal.deleteMany({ where: { accountId } }),
    db().promoterSignal.createMany({ data: kept }),
  ]);
  return { flagged: kept.filter((r) => r.flagged).length, promoters: kept.length, follows: ledger.follows.length, loadedMs, totalMs: performance.now() - started };
}
