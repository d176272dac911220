import { db, Prisma } from "../db";

type RankRow = { total: number | bigint; ahead: number | bigint | null };

/**
 * Where a promoter stands among the account's active promoters by new followers in the range:
 * competition ranking ("1224"), one plus the number strictly ahead, so promoters with the same
 * count share a rank and nobody's place depends on when they were added.
 *
 * One statement, counted in the database: each active promoter is joined to its own days of the
 * covering rollup index (accountId, promoterId, day, counters…), so only the range's index
 * entries are read, and no per-promoter row leaves the database.
 */
export async function getPromoterRank(accountId: string, promoterId: string, range: { from: string; to: string }) {
  const inRange = Prisma.sql`s."accountId" = ${accountId} AND s."day" >= ${range.from} AND s."day" <= ${range.to}`;
  const [row] = await db().$queryRaw<RankRow[]>(Prisma.sql`
    WITH board AS (
      SELECT p."id", COALESCE(SUM(s."newFollowers"), 0) AS "newFollowers"
      FROM "Promoter" p
      LEFT JOIN "PromoterDailyStat" s ON ${inRange} AND s."promoterId" = p."id"
      WHERE p."accountId" = ${accountId} AND p."active" = TRUE
      GROUP BY p."id"
    ), mine AS (
      SELECT COALESCE(SUM(s."newFollowers"), 0) AS "newFollowers"
      FROM "PromoterDailyStat" s
      WHERE ${inRange} AND s."promoterId" = ${promoterId}
    )
    SELECT COUNT(*) AS "total", SUM(CASE WHEN b."newFollowers" > m."newFollowers" THEN 1 ELSE 0 END) AS "ahead"
    FROM board b CROSS JOIN mine m`);
  return { rank: 1 + Number(row?.ahead ?? 0), total: Number(row?.total ?? 0) };
}
