import { db, Prisma } from "../db";
import { daysBetween } from "../stats/day";
import type { Window } from "./campaign-window";
import { campaignCtes } from "./campaign-query";

export type CampaignTotals = { newFollowers: number; refollows: number; scans: number; unfollows: number; net: number };
export type CampaignOutside = { followsBefore: number; followsAfter: number; scansBefore: number; scansAfter: number };
export type CampaignDay = { day: string; newFollowers: number; unfollows: number; refollows: number; scans: number };
export type CampaignSummary = { totals: CampaignTotals; outside: CampaignOutside; daily: CampaignDay[]; codes: number };

type RawTotals = Record<keyof CampaignTotals | keyof CampaignOutside, number | bigint | null>;
type RawDay = { day: string } & Record<"newFollowers" | "refollows" | "scans" | "unfollows", number | bigint | null>;

const n = (v: number | bigint | null | undefined) => Number(v ?? 0);

/**
 * The campaign's totals inside the window, what came through its codes outside it (before, after),
 * and one point per day of the window (gaps filled with zeros) for the chart.
 */
export async function getCampaignSummary(campaign: Window & { id: string }): Promise<CampaignSummary> {
  const { id, startDay, endDay } = campaign;
  const [[totals], daily, codes] = await Promise.all([
    db().$queryRaw<RawTotals[]>(Prisma.sql`
      WITH ${campaignCtes(id, campaign)}
      SELECT SUM(x."newFollowers") AS "newFollowers", SUM(x."refollows") AS "refollows", SUM(x."scans") AS "scans",
        (SELECT SUM(l."unfollows") FROM lost l) AS "unfollows",
        SUM(x."followsBefore") AS "followsBefore", SUM(x."followsAfter") AS "followsAfter",
        SUM(x."scansBefore") AS "scansBefore", SUM(x."scansAfter") AS "scansAfter", 0 AS "net"
      FROM acts x`),
    db().$queryRaw<RawDay[]>(Prisma.sql`
      WITH ${campaignCtes(id, campaign)},
      gained AS (
        SELECT a."day",
          SUM(CASE WHEN a."kind" = 'new_follow' THEN 1 ELSE 0 END) AS "newFollowers",
          SUM(CASE WHEN a."kind" = 'refollow' THEN 1 ELSE 0 END) AS "refollows",
          SUM(CASE WHEN a."kind" = 'scan' THEN 1 ELSE 0 END) AS "scans", 0 AS "unfollows"
        FROM "Attribution" a
        WHERE a."qrCodeId" IN (SELECT "id" FROM codes) AND a."kind" IN ('new_follow', 'refollow', 'scan') AND a."promoterId" IS NOT NULL
          AND a."day" >= ${startDay} AND a."day" <= ${endDay}
        GROUP BY a."day"
      ), dropped AS (
        SELECT u."day", 0 AS "newFollowers", 0 AS "refollows", 0 AS "scans", COUNT(*) AS "unfollows"
        FROM "Attribution" n
        JOIN "Attribution" u ON u."followerId" = n."followerId" AND u."kind" = 'unfollow' AND u."occurredAt" >= n."occurredAt" AND u."day" <= ${endDay}
        WHERE n."qrCodeId" IN (SELECT "id" FROM codes) AND n."kind" = 'new_follow' AND n."promoterId" IS NOT NULL
          AND n."day" >= ${startDay} AND n."day" <= ${endDay}
        GROUP BY u."day"
      )
      SELECT * FROM gained UNION ALL SELECT * FROM dropped`),
    db().campaignCode.count({ where: { campaignId: id } }),
  ]);
  const byDay = new Map<string, CampaignDay>(daysBetween(startDay, endDay).map((day) => [day, { day, newFollowers: 0, unfollows: 0, refollows: 0, scans: 0 }]));
  for (const r of daily) {
    const point = byDay.get(r.day);
    if (!point) continue;
    point.newFollowers += n(r.newFollowers);
    point.refollows += n(r.refollows);
    point.scans += n(r.scans);
    point.unfollows += n(r.unfollows);
  }
  const t = {
    newFollowers: n(totals?.newFollowers),
    refollows: n(totals?.refollows),
    scans: n(totals?.scans),
    unfollows: n(totals?.unfollows),
  };
  return {
    totals: { ...t, net: t.newFollowers - t.unfollows },
    outside: { followsBefore: n(totals?.followsBefore), followsAfter: n(totals?.followsAfter), scansBefore: n(totals?.scansBefore), scansAfter: n(totals?.scansAfter) },
    daily: [...byDay.values()],
    codes,
  };
}

/** New followers through the campaign's codes inside its window: the list page's progress. */
export async function getCampaignNewFollowers(campaign: Window & { id: string }): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number | bigint }[]>(Prisma.sql`
    SELECT COUNT(*) AS "count" FROM "Attribution" a
    WHERE a."qrCodeId" IN (SELECT cc."qrCodeId" FROM "CampaignCode" cc WHERE cc."campaignId" = ${campaign.id})
      AND a."day" >= ${campaign.startDay} AND a."day" <= ${campaign.endDay} AND a."kind" = 'new_follow' AND a."promoterId" IS NOT NULL`);
  return n(row?.count);
}
