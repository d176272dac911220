import { Prisma } from "../db";
import type { LeaderboardMetric } from "./get-leaderboard";

// Whitelisted ORDER BY expressions: the sort column is never taken from the request as text.
// Unknown retention sorts last (-1); ties by new followers, then the older promoter, then the id.
const ORDER: Record<LeaderboardMetric, string> = {
  newFollowers: `b."newFollowers" DESC`,
  refollows: `b."refollows" DESC`,
  unfollows: `b."unfollows" DESC`,
  net: `b."net" DESC`,
  scans: `b."scans" DESC`,
  backfilled: `b."backfilled" DESC`,
  qualified: `b."qualified" DESC`,
  retention7: `COALESCE(CAST(b."retained" AS DOUBLE PRECISION) / NULLIF(b."eligible", 0), -1) DESC`,
};

export type LeaderboardQuery = {
  accountId: string;
  range: { from: string; to: string };
  /**
   * The last day whose new followers count toward retention; the mature days are always the range's
   * first days (retentionDays), so one comparison tells them apart. Null when none is mature.
   */
  matureTo: string | null;
  /** Likewise the last day whose new followers are all decided as qualified or not (有效关注), or null. */
  decidedTo: string | null;
  sort: LeaderboardMetric;
  q?: string;
  /** Only this team's members, ranked among themselves. */
  teamId?: string;
  /** Only promoters with a stored fraud signal (lib/signals); ranks stay those of the whole board. */
  flaggedOnly?: boolean;
  limit: number;
  offset: number;
};

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One statement, portable between SQLite and PostgreSQL: sum the range's rollups per promoter, rank
 * every promoter of the account (zeros for the idle ones), then filter by the search, count the
 * matches and cut the page. The rank is the promoter's place on the whole board, search or not
 * (on the team's board, when filtered by team).
 *
 * The sums join each promoter to its own days, so they read only the range's rows of the covering
 * rollup index (accountId, promoterId, day, counters…) however long the account's history, and
 * never the table; the first code's scene is looked up for the page's rows only.
 */
export function leaderboardSql({ accountId, range, matureTo, decidedTo, sort, q, teamId, flaggedOnly, limit, offset }: LeaderboardQuery) {
  const mTo = matureTo ?? "0000-00-00"; // before every day: nothing is mature
  const dTo = decidedTo ?? "0000-00-00";
  const filters = [
    q ? Prisma.sql`(r."name" LIKE ${`%${likeEscape(q)}%`} ESCAPE '\\'
        OR r."id" IN (SELECT c."promoterId" FROM "QrCode" c WHERE c."accountId" = ${accountId} AND c."sceneKey" = ${q}))` : null,
    flaggedOnly ? Prisma.sql`r."id" IN (SELECT ps."promoterId" FROM "PromoterSignal" ps WHERE ps."accountId" = ${accountId} AND ps."flagged" = TRUE)` : null,
  ].filter((f) => f !== null);
  const search = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  return Prisma.sql`
    WITH board AS (
      SELECT p."id", p."name", p."active", p."createdAt", p."teamId",
        COALESCE(SUM(s."newFollowers"), 0) AS "newFollowers", COALESCE(SUM(s."refollows"), 0) AS "refollows",
        COALESCE(SUM(s."unfollows"), 0) AS "unfollows", COALESCE(SUM(s."scans"), 0) AS "scans",
        COALESCE(SUM(s."newFollowers"), 0) - COALESCE(SUM(s."unfollows"), 0) AS "net",
        COALESCE(SUM(s."backfilled"), 0) AS "backfilled",
        COALESCE(SUM(CASE WHEN s."day" <= ${mTo} THEN s."newFollowers" ELSE 0 END), 0) AS "eligible",
        COALESCE(SUM(CASE WHEN s."day" <= ${mTo} THEN s."retained7" ELSE 0 END), 0) AS "retained",
        COALESCE(SUM(CASE WHEN s."day" <= ${dTo} THEN s."qualified" ELSE 0 END), 0) AS "qualified",
        COALESCE(SUM(CASE WHEN s."day" > ${dTo} THEN s."newFollowers" ELSE 0 END), 0) AS "qualifyPending"
      FROM "Promoter" p
      LEFT JOIN "PromoterDailyStat" s
        ON s."accountId" = ${accountId} AND s."promoterId" = p."id" AND s."day" >= ${range.from} AND s."day" <= ${range.to}
      WHERE p."accountId" = ${accountId} ${teamId ? Prisma.sql`AND p."teamId" = ${teamId}` : Prisma.empty}
      GROUP BY p."id"
    ), ranked AS (
      SELECT b.*, ROW_NUMBER() OVER (ORDER BY ${Prisma.raw(ORDER[sort])}, b."newFollowers" DESC, b."createdAt" ASC, b."id" ASC) AS "rank"
      FROM board b
    ), page AS (
      SELECT r.*, COUNT(*) OVER () AS "total"
      FROM ranked r
      ${search}
      ORDER BY r."rank"
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT g.*,
      (SELECT c."sceneKey" FROM "QrCode" c WHERE c."promoterId" = g."id" ORDER BY c."createdAt" ASC, c."id" ASC LIMIT 1) AS "sceneKey",
      (SELECT t."name" FROM "Team" t WHERE t."id" = g."teamId") AS "teamName"
    FROM page g
    ORDER BY g."rank"`;
}
