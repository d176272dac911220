import { Prisma, type Tx } from "../db";
import { env } from "../env";
import { addDays, dayStart } from "../stats/day";

export type ItemsScope = { accountId: string; timezone: string; qualifyDays: number; fromDay: string; toDay: string };

const DAY_MS = 86_400_000;
const CLOCK_MARGIN_MS = 10 * 60_000;
// The follow/unfollow rows that say whether a follower is following at an instant.
const STATE_KINDS = Prisma.sql`('new_follow', 'refollow', 'organic', 'unknown_scene', 'unfollow')`;

/** An instant as a parameter comparable with the ledger's timestamps (the pipeline's own formats). */
function instant(at: Date) {
  const iso = at.toISOString();
  return env().databaseProvider === "postgresql" ? Prisma.sql`CAST(${iso.slice(0, 23)} AS TIMESTAMP(3))` : Prisma.sql`${iso.replace("Z", "+00:00")}`;
}

/** column + N days, in the same representation as the column (SQLite stores ISO text). */
function plusDays(column: string, days: number) {
  if (!Number.isInteger(days) || days < 0) throw new Error("qualifyDays must be a whole number of days");
  return env().databaseProvider === "postgresql"
    ? Prisma.raw(`(${column} + INTERVAL '${days} days')`)
    : Prisma.sql`strftime('%Y-%m-%dT%H:%M:%f+00:00', ${Prisma.raw(column)}, ${`+${days} days`})`;
}

/**
 * The items a run over scope's period settles, one row per follow and promoter, as a set-based query
 * over the ledger (columns: attributionId, promoterId, openid, sceneKey, day, followedAt, unfollowedAt,
 * q (1 qualified / 0 not), reason, unitFen, amountFen, adj (1 adjustment / 0 the period's own)).
 *
 * A credited first follow (new_follow with a promoter) at t is qualified iff the follower's last
 * follow/unfollow row at or before t + N days is not an unfollow. Its price: its campaign's (the code's
 * campaign whose window holds the day), else its promoter's team's, else the account's.
 *   the period's follows         every one, qualified or not (the evidence), paying q × price
 *   earlier locked periods' ones whose outcome changed since they were settled (their follower's events
 *                                were attributed since the last lock): one never settled (it arrived late)
 *                                pays q × price; one that qualifies now and did not pays its price; one
 *                                that no longer qualifies gives back what it was paid. A changed price or
 *                                team never re-prices a settled follow.
 *   paid to another promoter     (re-attribution) taken back, reason "reassigned"
 * Adjustments of zero are left out.
 */
export async function settlementItemsSql(tx: Tx, scope: ItemsScope) {
  const { accountId, fromDay: from, toDay: to } = scope;
  // Runs other than this one (a run being locked overlaps its own period; any other overlap is refused).
  const others = { accountId, NOT: { fromDay: { lte: to }, toDay: { gte: from } } };
  const bounds = await tx.settlementRun.aggregate({ where: others, _min: { fromDay: true }, _max: { toDay: true, lockedAt: true } });
  // Only a follower whose events were attributed since the last lock can have a changed outcome (late
  // events, imports, and re-attribution, which re-attributes the follower's events); the margin covers
  // clocks of other instances.
  const since = instant(new Date((bounds._max.lockedAt ?? new Date(0)).getTime() - CLOCK_MARGIN_MS));
  const first = bounds._min.fromDay && bounds._min.fromDay < from ? bounds._min.fromDay : from;
  const last = bounds._max.toDay && bounds._max.toDay > to ? bounds._max.toDay : to;
  // Ledger days are the zone's when attributed; a day of slack each side covers a changed time zone.
  const lo = instant(new Date(dayStart(first, scope.timezone).getTime() - DAY_MS));
  const hi = instant(new Date(dayStart(addDays(last, 1), scope.timezone).getTime() + DAY_MS));
  const deadline = (alias: string) => plusDays(`${alias}."occurredAt"`, scope.qualifyDays);
  // The follower row (written with the ledger, in the same transaction) says the follower never left:
  // following, no unfollow, no follow after the first. Most followers; their ledger need not be read.
  const neverLeft = Prisma.sql`f."status" = 'following' AND f."unfollowedAt" IS NULL AND f."lastFollowedAt" = f."firstFollowedAt"`;
  return Prisma.sql`
    WITH locked AS (SELECT r."fromDay", r."toDay" FROM "SettlementRun" r WHERE r."accountId" = ${accountId}),
    changed AS (
      SELECT DISTINCT f."id" FROM "WechatEvent" e JOIN "Follower" f ON f."accountId" = e."accountId" AND f."openid" = e."fromUser"
      WHERE e."attributedAt" > ${since} AND e."accountId" = ${accountId}
    ),
    cand AS (
      SELECT a."id", a."followerId", a."promoterId", a."qrCodeId", a."sceneKey", a."occurredAt", a."day",
        CASE WHEN a."day" >= ${from} AND a."day" <= ${to} THEN 0 ELSE 1 END AS "adj"
      FROM "Attribution" a
      WHERE a."accountId" = ${accountId} AND a."kind" = 'new_follow' AND a."occurredAt" >= ${lo} AND a."occurredAt" < ${hi} AND a."promoterId" IS NOT NULL
        AND ((a."day" >= ${from} AND a."day" <= ${to})
          OR (a."followerId" IN (SELECT "id" FROM changed) AND EXISTS (SELECT 1 FROM locked l WHERE a."day" >= l."fromDay" AND a."day" <= l."toDay")))
    ),
    judged AS (
      SELECT c.*, f."openid",
        CASE WHEN ${neverLeft} THEN 'new_follow' ELSE
          (SELECT x."kind" FROM "Attribution" x WHERE x."followerId" = c."followerId" AND x."kind" IN ${STATE_KINDS} AND x."occurredAt" <= ${deadline("c")}
            ORDER BY x."occurredAt" DESC, x."id" DESC LIMIT 1) END AS "lastKind",
        CASE WHEN ${neverLeft} THEN NULL ELSE
          (SELECT MIN(u."occurredAt") FROM "Attribution" u WHERE u."followerId" = c."followerId" AND u."kind" = 'unfollow' AND u."occurredAt" >= c."occurredAt") END AS "unfollowedAt"
      FROM cand c
      JOIN "Follower" f ON f."id" = c."followerId"
    ),
    "campaignOf" AS (
      SELECT cc."qrCodeId", cm."id", cm."startDay", cm."endDay" FROM "CampaignCode" cc JOIN "Campaign" cm ON cm."id" = cc."campaignId" WHERE cm."accountId" = ${accountId}
    ),
    priced AS (
      SELECT j."id", j."promoterId", j."sceneKey", j."occurredAt", j."day", j."unfollowedAt", j."adj", j."openid",
        CASE WHEN j."lastKind" = 'unfollow' THEN 0 ELSE 1 END AS "q",
        CASE WHEN j."lastKind" = 'unfollow' THEN 'left' WHEN j."unfollowedAt" IS NOT NULL AND j."unfollowedAt" <= ${deadline("j")} THEN 'returned' ELSE 'kept' END AS "reason",
        COALESCE(cp."priceFen", tp."priceFen", ap."priceFen", 0) AS "unitFen"
      FROM judged j
      JOIN "Promoter" p ON p."id" = j."promoterId"
      LEFT JOIN "campaignOf" co ON co."qrCodeId" = j."qrCodeId" AND j."day" >= co."startDay" AND j."day" <= co."endDay"
      LEFT JOIN "SettlementPrice" cp ON cp."accountId" = ${accountId} AND cp."campaignId" = co."id"
      LEFT JOIN "SettlementPrice" tp ON tp."accountId" = ${accountId} AND tp."teamId" = p."teamId"
      LEFT JOIN "SettlementPrice" ap ON ap."accountId" = ${accountId} AND ap."key" = 'account'
    ),
    paid AS (
      SELECT i."attributionId", i."promoterId", SUM(i."amountFen") AS "fen", MAX(i."id") AS "lastId"
      FROM "SettlementItem" i JOIN "Attribution" a ON a."id" = i."attributionId"
      WHERE i."accountId" = ${accountId} AND a."followerId" IN (SELECT "id" FROM changed)
      GROUP BY i."attributionId", i."promoterId"
    ),
    settled AS (
      SELECT d.*, CASE WHEN li."qualified" THEN 1 ELSE 0 END AS "wasQ" FROM paid d JOIN "SettlementItem" li ON li."id" = d."lastId"
    ),
    items AS (
      SELECT p."id" AS "attributionId", p."promoterId", p."openid", p."sceneKey", p."day", p."occurredAt" AS "followedAt", p."unfollowedAt",
        p."q", p."reason", p."unitFen", p."q" * p."unitFen" AS "amountFen", 0 AS "adj"
      FROM priced p WHERE p."adj" = 0
      UNION ALL
      SELECT p."id", p."promoterId", p."openid", p."sceneKey", p."day", p."occurredAt", p."unfollowedAt", p."q", p."reason", p."unitFen",
        CASE WHEN d."lastId" IS NULL THEN p."q" * p."unitFen" WHEN p."q" = d."wasQ" THEN 0 WHEN p."q" = 1 THEN p."unitFen" - d."fen" ELSE 0 - d."fen" END, 1
      FROM priced p LEFT JOIN settled d ON d."attributionId" = p."id" AND d."promoterId" = p."promoterId"
      WHERE p."adj" = 1
      UNION ALL
      SELECT d."attributionId", d."promoterId", f."openid", a."sceneKey", a."day", a."occurredAt", NULL, 0, 'reassigned', 0, 0 - d."fen", 1
      FROM paid d
      JOIN "Attribution" a ON a."id" = d."attributionId"
      JOIN "Follower" f ON f."id" = a."followerId"
      JOIN "Promoter" pr ON pr."id" = d."promoterId"
      WHERE d."fen" <> 0 AND NOT EXISTS (SELECT 1 FROM priced p WHERE p."adj" = 1 AND p."id" = d."attributionId" AND p."promoterId" = d."promoterId")
    )
    SELECT * FROM items WHERE "adj" = 0 OR "amountFen" <> 0`;
}
