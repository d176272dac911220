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
  retention7: `COALESCE(CAST(b."retained" AS DOUBLE PRECISION) / NULLIF(b."eligible", 0), -1) DESC`,
};

export type LeaderboardQuery = {
  accountId: string;
  range: { from: string; to: string };
  /** Days of the range that count toward retention; null when none does. */
  mature: { from: string; to: string } | null;
  sort: LeaderboardMetric;
  q?: string;
  limit: number;
  offset: number;
};

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One statement, portable between SQLite and PostgreSQL: sum the range's rollups per promoter, rank
 * every promoter of the account (zeros for the idle ones), then filter by the search, count the
 * matches and cut the page. The rank is the promoter's place on the whole board, search or not.
 */
export function leaderboardSql({ accountId, range, mature, sort, q, limit, offset }: LeaderboardQuery) {
  const [mFrom, mTo] = mature ? [mature.from, mature.to] : ["9999-12-31", "0000-01-01"];
  const search = q
    ? Prisma.sql`WHERE r."name" LIKE ${`%${likeEscape(q)}%`} ESCAPE '\\'
        OR r."id" IN (SELECT c."promoterId" FROM "QrCode" c WHERE c."accountId" = ${accountId} AND c."sceneKey" = ${q})`
    : Prisma.empty;
  return Prisma.sql`
    WITH sums AS (
      SELECT s."promoterId",
        SUM(s."newFollowers") AS "newFollowers", SUM(s."refollows") AS "refollows",
        SUM(s."unfollows") AS "unfollows", SUM(s."scans") AS "scans",
        SUM(CASE WHEN s."day" >= ${mFrom} AND s."day" <= ${mTo} THEN s."newFollowers" ELSE 0 END) AS "eligible",
        SUM(CASE WHEN s."day" >= ${mFrom} AND s."day" <= ${mTo} THEN s."retained7" ELSE 0 END) AS "retained"
      FROM "PromoterDailyStat" s
      WHERE s."accountId" = ${accountId} AND s."day" >= ${range.from} AND s."day" <= ${range.to}
      GROUP BY s."promoterId"
    ), board AS (
      SELECT p."id", p."name", p."active", p."createdAt",
        COALESCE(x."newFollowers", 0) AS "newFollowers", COALESCE(x."refollows", 0) AS "refollows",
        COALESCE(x."unfollows", 0) AS "unfollows", COALESCE(x."scans", 0) AS "scans",
        COALESCE(x."newFollowers", 0) - COALESCE(x."unfollows", 0) AS "net",
        COALESCE(x."eligible", 0) AS "eligible", COALESCE(x."retained", 0) AS "retained"
      FROM "Promoter" p LEFT JOIN sums x ON x."promoterId" = p."id"
      WHERE p."accountId" = ${accountId}
    ), ranked AS (
      SELECT b.*, ROW_NUMBER() OVER (ORDER BY ${Prisma.raw(ORDER[sort])}, b."newFollowers" DESC, b."createdAt" ASC, b."id" ASC) AS "rank"
      FROM board b
    )
    SELECT r.*, COUNT(*) OVER () AS "total",
      (SELECT c."sceneKey" FROM "QrCode" c WHERE c."promoterId" = r."id" ORDER BY c."createdAt" ASC, c."id" ASC LIMIT 1) AS "sceneKey"
    FROM ranked r
    ${search}
    ORDER BY r."rank"
    LIMIT ${limit} OFFSET ${offset}`;
}
