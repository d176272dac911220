import { db, Prisma } from "../db";
import type { PipelineDb } from "../ingest/pipeline-db/sql-session";
import { timestamp } from "../ingest/pipeline-db/sql-session";
import { addDays, dayStart } from "../stats/day";
import { QUICK_UNFOLLOW_MS, type LedgerFollow, type LedgerUnfollow } from "./detect-signals";

export type DayRange = { from: string; to: string };
export type SignalLedger = { follows: LedgerFollow[]; unfollows: LedgerUnfollow[] };

type FollowRaw = { promoterId: string; followerId: string; qrCodeId: string | null; kind: "new_follow" | "refollow"; occurredAt: unknown };
type UnfollowRaw = { followerId: string; occurredAt: unknown };

// SQLite hands back the stored text, PostgreSQL a Date; both name the same instant.
const ms = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === "number" || typeof v === "bigint" ? Number(v) : Date.parse(String(v)));
const toLedger = (follows: FollowRaw[], unfollows: UnfollowRaw[]): SignalLedger => ({
  follows: follows.map((r) => ({ promoterId: r.promoterId, followerId: r.followerId, qrCodeId: r.qrCodeId, kind: r.kind, at: ms(r.occurredAt) })),
  unfollows: unfollows.map((r) => ({ followerId: r.followerId, at: ms(r.occurredAt) })),
});

/** The range's instants: follows in [start, end); unfollows until 24 h after the end (a quick one may fall the day after). */
function bounds(range: DayRange, timeZone: string) {
  const start = dayStart(range.from, timeZone);
  const end = dayStart(addDays(range.to, 1), timeZone);
  return { start, end, unfollowEnd: new Date(end.getTime() + QUICK_UNFOLLOW_MS) };
}

// Follows (new and re-follows) credited to a promoter, and unfollows. Unfollows an import wrote for a
// missed unsubscribe (note "reconciled") carry the import's time, not the follower's: left out.
const FOLLOWS = `SELECT a."promoterId", a."followerId", a."qrCodeId", a."kind", a."occurredAt" FROM "Attribution" a
  WHERE a."accountId" = ? AND a."kind" IN ('new_follow', 'refollow') AND a."occurredAt" >= ? AND a."occurredAt" < ? AND a."promoterId" IS NOT NULL`;
const UNFOLLOWS = `SELECT a."followerId", a."occurredAt" FROM "Attribution" a
  WHERE a."accountId" = ? AND a."kind" = 'unfollow' AND a."occurredAt" >= ? AND a."occurredAt" < ? AND (a."note" IS NULL OR a."note" <> 'reconciled')`;

/**
 * A whole account's window, for the refresher: through the pipeline's own connection (the native
 * driver, in the attribution thread), by the (accountId, kind, occurredAt) index.
 */
export async function loadAccountLedger(pdb: PipelineDb, accountId: string, range: DayRange, timeZone: string): Promise<SignalLedger> {
  const { start, end, unfollowEnd } = bounds(range, timeZone);
  const at = (d: Date) => timestamp(pdb.provider, d);
  const [follows, unfollows] = await Promise.all([
    pdb.read<FollowRaw>(FOLLOWS, [accountId, at(start), at(end)]),
    pdb.read<UnfollowRaw>(UNFOLLOWS, [accountId, at(start), at(unfollowEnd)]),
  ]);
  return toLedger(follows, unfollows);
}

/**
 * One promoter's range, for their page: by the (promoterId, occurredAt) index — a new follower's
 * unfollows are credited to their owner, the same promoter. The caller has checked that the promoter
 * is the account's; the account is not in the WHERE so that SQLite's planner keeps this index.
 */
export async function loadPromoterLedger(promoterId: string, range: DayRange, timeZone: string): Promise<SignalLedger> {
  const { start, end, unfollowEnd } = bounds(range, timeZone);
  const [follows, unfollows] = await Promise.all([
    db().$queryRaw<FollowRaw[]>(Prisma.sql`
      SELECT a."promoterId", a."followerId", a."qrCodeId", a."kind", a."occurredAt" FROM "Attribution" a
      WHERE a."promoterId" = ${promoterId} AND a."occurredAt" >= ${start} AND a."occurredAt" < ${end} AND a."kind" IN ('new_follow', 'refollow')`),
    db().$queryRaw<UnfollowRaw[]>(Prisma.sql`
      SELECT a."followerId", a."occurredAt" FROM "Attribution" a
      WHERE a."promoterId" = ${promoterId} AND a."occurredAt" >= ${start} AND a."occurredAt" < ${unfollowEnd} AND a."kind" = 'unfollow'
        AND (a."note" IS NULL OR a."note" <> 'reconciled')`),
  ]);
  return toLedger(follows, unfollows);
}
