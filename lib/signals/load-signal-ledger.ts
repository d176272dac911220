import { db, Prisma } from "../db";
import { addDays, dayStart } from "../stats/day";
import { QUICK_UNFOLLOW_MS, type LedgerFollow, type LedgerUnfollow } from "./detect-signals";

export type DayRange = { from: string; to: string };

type FollowRaw = { promoterId: string; followerId: string; qrCodeId: string | null; kind: "new_follow" | "refollow"; occurredAt: unknown };
type UnfollowRaw = { followerId: string; occurredAt: unknown };

// SQLite hands back the stored text, PostgreSQL a Date; both name the same instant.
const ms = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === "number" || typeof v === "bigint" ? Number(v) : Date.parse(String(v)));

/**
 * The follows (new and re-follows) credited to promoters in the day range, and the unfollows from the
 * range's start until 24 h after its end (an unfollow the day after the range still makes a quick one).
 * Account-wide through the (accountId, kind, occurredAt) index; for one promoter through
 * (promoterId, occurredAt) — a new follower's unfollows are credited to their owner, the same promoter.
 * Unfollows an import wrote for a missed unsubscribe (note "reconciled") carry the import's time, not
 * the follower's: left out.
 */
export async function loadSignalLedger(accountId: string, range: DayRange, timeZone: string, promoterId?: string) {
  const start = dayStart(range.from, timeZone);
  const end = dayStart(addDays(range.to, 1), timeZone);
  const unfollowEnd = new Date(end.getTime() + QUICK_UNFOLLOW_MS);
  const scope = promoterId ? Prisma.sql`a."promoterId" = ${promoterId} AND a."accountId" = ${accountId}` : Prisma.sql`a."accountId" = ${accountId}`;
  const [follows, unfollows] = await Promise.all([
    db().$queryRaw<FollowRaw[]>(Prisma.sql`
      SELECT a."promoterId", a."followerId", a."qrCodeId", a."kind", a."occurredAt" FROM "Attribution" a
      WHERE ${scope} AND a."kind" IN ('new_follow', 'refollow') AND a."occurredAt" >= ${start} AND a."occurredAt" < ${end}
        AND a."promoterId" IS NOT NULL`),
    db().$queryRaw<UnfollowRaw[]>(Prisma.sql`
      SELECT a."followerId", a."occurredAt" FROM "Attribution" a
      WHERE ${scope} AND a."kind" = 'unfollow' AND a."occurredAt" >= ${start} AND a."occurredAt" < ${unfollowEnd}
        AND (a."note" IS NULL OR a."note" <> 'reconciled')`),
  ]);
  return {
    follows: follows.map((r): LedgerFollow => ({ promoterId: r.promoterId, followerId: r.followerId, qrCodeId: r.qrCodeId, kind: r.kind, at: ms(r.occurredAt) })),
    unfollows: unfollows.map((r): LedgerUnfollow => ({ followerId: r.followerId, at: ms(r.occurredAt) })),
  };
}
