import { Prisma } from "../db";
import type { Window } from "./campaign-window";

export const CAMPAIGN_METRICS = ["newFollowers", "qualified", "refollows", "scans", "unfollows", "net"] as const;
export type CampaignMetric = (typeof CAMPAIGN_METRICS)[number];

// Whitelisted ORDER BY expressions: the sort is never taken from the request as text.
export const CAMPAIGN_ORDER: Record<CampaignMetric, string> = {
  newFollowers: `b."newFollowers" DESC`,
  qualified: `b."qualified" DESC`,
  refollows: `b."refollows" DESC`,
  scans: `b."scans" DESC`,
  unfollows: `b."unfollows" DESC`,
  net: `b."net" DESC`,
};

const inside = (w: Window, alias = "a") => Prisma.sql`${Prisma.raw(alias)}."day" >= ${w.startDay} AND ${Prisma.raw(alias)}."day" <= ${w.endDay}`;

/**
 * The common part of every campaign figure, as CTEs over the attribution ledger:
 *   codes — the campaign's enrolled codes;
 *   acts  — per credited promoter, follows and scans through those codes, inside the window and
 *           outside it (before its first day, after its last), read from the covering index
 *           (qrCodeId, day, kind, promoterId) without touching the table;
 *   lost  — per promoter, unfollows within the window by the followers the campaign brought
 *           (first follow through its codes inside the window), found by follower id;
 *   qual  — per promoter, of those first follows, the ones decided (有效关注: their day ended N days
 *           ago, up to `decidedTo`) and qualified (Follower.qualified), and the ones still pending.
 * Days are the ledger's own (the account's time zone when the event was attributed).
 */
export function campaignCtes(campaignId: string, w: Window, decidedTo: string | null = null) {
  const dTo = decidedTo ?? "0000-00-00"; // before every day: nothing is decided
  return Prisma.sql`
    codes AS (SELECT cc."qrCodeId" AS "id" FROM "CampaignCode" cc WHERE cc."campaignId" = ${campaignId}),
    acts AS (
      SELECT a."promoterId",
        SUM(CASE WHEN a."kind" = 'new_follow' AND ${inside(w)} THEN 1 ELSE 0 END) AS "newFollowers",
        SUM(CASE WHEN a."kind" = 'refollow' AND ${inside(w)} THEN 1 ELSE 0 END) AS "refollows",
        SUM(CASE WHEN a."kind" = 'scan' AND ${inside(w)} THEN 1 ELSE 0 END) AS "scans",
        SUM(CASE WHEN a."kind" <> 'scan' AND a."day" < ${w.startDay} THEN 1 ELSE 0 END) AS "followsBefore",
        SUM(CASE WHEN a."kind" <> 'scan' AND a."day" > ${w.endDay} THEN 1 ELSE 0 END) AS "followsAfter",
        SUM(CASE WHEN a."kind" = 'scan' AND a."day" < ${w.startDay} THEN 1 ELSE 0 END) AS "scansBefore",
        SUM(CASE WHEN a."kind" = 'scan' AND a."day" > ${w.endDay} THEN 1 ELSE 0 END) AS "scansAfter"
      FROM "Attribution" a
      WHERE a."qrCodeId" IN (SELECT "id" FROM codes) AND a."kind" IN ('new_follow', 'refollow', 'scan') AND a."promoterId" IS NOT NULL
      GROUP BY a."promoterId"
    ),
    lost AS (
      SELECT n."promoterId", COUNT(*) AS "unfollows"
      FROM "Attribution" n
      JOIN "Attribution" u ON u."followerId" = n."followerId" AND u."kind" = 'unfollow' AND u."occurredAt" >= n."occurredAt" AND u."day" <= ${w.endDay}
      WHERE n."qrCodeId" IN (SELECT "id" FROM codes) AND n."kind" = 'new_follow' AND ${inside(w, "n")} AND n."promoterId" IS NOT NULL
      GROUP BY n."promoterId"
    ),
    qual AS (
      SELECT n."promoterId",
        SUM(CASE WHEN n."day" <= ${dTo} AND f."qualified" = TRUE THEN 1 ELSE 0 END) AS "qualified",
        SUM(CASE WHEN n."day" > ${dTo} THEN 1 ELSE 0 END) AS "qualifyPending"
      FROM "Attribution" n
      JOIN "Follower" f ON f."id" = n."followerId"
      WHERE n."qrCodeId" IN (SELECT "id" FROM codes) AND n."kind" = 'new_follow' AND ${inside(w, "n")} AND n."promoterId" IS NOT NULL
      GROUP BY n."promoterId"
    )`;
}

/** Every promoter with a code in the campaign or a follow through one, with the campaign's figures. */
export function campaignBoardCte(accountId: string) {
  return Prisma.sql`
    members AS (
      SELECT c."promoterId" AS "id" FROM "QrCode" c WHERE c."id" IN (SELECT "id" FROM codes) AND c."promoterId" IS NOT NULL
      UNION SELECT x."promoterId" FROM acts x
    ),
    board AS (
      SELECT p."id", p."name", p."active", p."createdAt",
        COALESCE(x."newFollowers", 0) AS "newFollowers", COALESCE(x."refollows", 0) AS "refollows", COALESCE(x."scans", 0) AS "scans",
        COALESCE(l."unfollows", 0) AS "unfollows", COALESCE(x."newFollowers", 0) - COALESCE(l."unfollows", 0) AS "net",
        COALESCE(q."qualified", 0) AS "qualified", COALESCE(q."qualifyPending", 0) AS "qualifyPending",
        COALESCE(x."followsBefore", 0) + COALESCE(x."followsAfter", 0) AS "outsideFollows",
        COALESCE(x."scansBefore", 0) + COALESCE(x."scansAfter", 0) AS "outsideScans"
      FROM members m
      JOIN "Promoter" p ON p."id" = m."id" AND p."accountId" = ${accountId}
      LEFT JOIN acts x ON x."promoterId" = p."id"
      LEFT JOIN lost l ON l."promoterId" = p."id"
      LEFT JOIN qual q ON q."promoterId" = p."id"
    )`;
}
