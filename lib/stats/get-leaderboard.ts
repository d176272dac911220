import { db } from "../db";
import { DEFAULT_TIMEZONE } from "./day";
import { leaderboardSql } from "./leaderboard-query";
import { retentionDays, retentionRate } from "./get-retention";
import { accountQualifyDays } from "../qualified/account-qualify-days";
import { decidedDays } from "../qualified/qualify-window";

export const LEADERBOARD_METRICS = ["newFollowers", "refollows", "unfollows", "net", "scans", "retention7", "backfilled", "qualified"] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];
export const LEADERBOARD_PAGE_SIZE = 50;

export type LeaderboardRow = {
  rank: number;
  promoterId: string;
  name: string;
  active: boolean;
  sceneKey: string | null;
  /** The promoter's team now, or null. */
  teamName: string | null;
  newFollowers: number;
  refollows: number;
  unfollows: number;
  net: number;
  scans: number;
  /** Share of the range's new followers still following 7 days later; null when no day of them is 7 days old yet. */
  retention7: number | null;
  /** Existing followers an import credited to the promoter (shown apart: never in newFollowers or net). */
  backfilled: number;
  /** 有效关注 of the range's decided days: new followers still following qualifyDays after their follow (final). */
  qualified: number;
  /** New followers of the range's days not yet decided (待定): their qualifyDays have not all passed. */
  qualifyPending: number;
};

export type LeaderboardOptions = {
  sort?: LeaderboardMetric;
  timeZone?: string;
  /** Matches part of the name, or a scene of the promoter's codes. */
  q?: string;
  /** Only this team's members, ranked among themselves. */
  teamId?: string;
  /** Only promoters with a stored fraud signal (lib/signals). */
  flaggedOnly?: boolean;
  /** Rows per page; `Infinity` for the whole board. */
  limit?: number;
  offset?: number;
  now?: Date;
  /** The account's qualifyDays (N of 有效关注); looked up when not given. */
  qualifyDays?: number;
};

type RawRow = Record<"id" | "name", string> & Record<"newFollowers" | "refollows" | "unfollows" | "net" | "scans" | "eligible" | "retained" | "rank" | "total" | "backfilled" | "qualified" | "qualifyPending", number | bigint> & {
  active: boolean | number | bigint;
  sceneKey: string | null;
  teamName: string | null;
};

/**
 * Promoters ranked by a metric over a day range (inclusive, account time zone), summed from the daily
 * rollups only; sorting, search and paging happen in the database. Every promoter of the account is
 * ranked, with zeros when it had no activity. Returns one page and the number of matching promoters.
 */
export async function getLeaderboard(accountId: string, range: { from: string; to: string }, options: LeaderboardOptions = {}) {
  const { sort = "newFollowers", timeZone = DEFAULT_TIMEZONE, q, teamId, flaggedOnly, limit = LEADERBOARD_PAGE_SIZE, offset = 0, now = new Date() } = options;
  const qualifyDays = options.qualifyDays ?? (await accountQualifyDays(accountId));
  const sql = leaderboardSql({
    accountId,
    range,
    matureTo: retentionDays(range, timeZone, now)?.to ?? null,
    decidedTo: decidedDays(range, timeZone, qualifyDays, now)?.to ?? null,
    sort,
    q: q?.trim() || undefined,
    teamId,
    flaggedOnly,
    limit: Number.isFinite(limit) ? limit : 2_147_483_647, // no portable "no limit": PostgreSQL refuses -1
    offset,
  });
  const raw = await db().$queryRaw<RawRow[]>(sql);
  const rows: LeaderboardRow[] = raw.map((r) => ({
    rank: Number(r.rank),
    promoterId: r.id,
    name: r.name,
    active: Boolean(Number(r.active)),
    sceneKey: r.sceneKey,
    teamName: r.teamName,
    newFollowers: Number(r.newFollowers),
    refollows: Number(r.refollows),
    unfollows: Number(r.unfollows),
    net: Number(r.net),
    scans: Number(r.scans),
    retention7: retentionRate(Number(r.eligible), Number(r.retained)),
    backfilled: Number(r.backfilled),
    qualified: Number(r.qualified),
    qualifyPending: Number(r.qualifyPending),
  }));
  const total = raw.length ? Number(raw[0].total) : offset > 0 ? await countMatches(accountId, range, sort, q, teamId, flaggedOnly) : 0;
  return { rows, total };
}

// A page past the end has no row to carry the count: ask for the first row instead.
async function countMatches(accountId: string, range: { from: string; to: string }, sort: LeaderboardMetric, q?: string, teamId?: string, flaggedOnly?: boolean) {
  const raw = await db().$queryRaw<RawRow[]>(leaderboardSql({ accountId, range, matureTo: null, decidedTo: null, sort, q: q?.trim() || undefined, teamId, flaggedOnly, limit: 1, offset: 0 }));
  return raw.length ? Number(raw[0].total) : 0;
}
