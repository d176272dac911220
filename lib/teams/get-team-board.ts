import { db, Prisma } from "../db";
import { decidedDays } from "../qualified/qualify-window";

export const TEAM_METRICS = ["newFollowers", "net", "unfollows", "scans", "perCapita", "qualified"] as const;
export type TeamMetric = (typeof TEAM_METRICS)[number];

// Whitelisted ORDER BY expressions (the sort is never taken from the request as text).
const ORDER: Record<TeamMetric, string> = {
  newFollowers: `"newFollowers" DESC`,
  net: `"net" DESC`,
  unfollows: `"unfollows" DESC`,
  scans: `"scans" DESC`,
  perCapita: `COALESCE(CAST("newFollowers" AS DOUBLE PRECISION) / NULLIF("members", 0), 0) DESC`,
  qualified: `"qualified" DESC`,
};

export type TeamRow = {
  rank: number;
  teamId: string;
  name: string;
  leadId: string | null;
  leadName: string | null;
  members: number;
  newFollowers: number;
  unfollows: number;
  net: number;
  scans: number;
  /** New followers per member; 0 for a team without members. */
  perCapita: number;
  /** 有效关注 of the range's decided days (final), as on the promoter leaderboard. */
  qualified: number;
};

type Raw = Record<"id" | "name", string> & { leadId: string | null; leadName: string | null } & Record<"members" | "newFollowers" | "unfollows" | "net" | "scans" | "rank" | "qualified", number | bigint>;

/**
 * Every team of the account ranked over a day range, from the promoters' daily rollups: sums of
 * their members' counts and new followers per member. A promoter counts for the team they are in
 * now (moving a promoter moves their history with them, as on the promoter leaderboard).
 */
export async function getTeamBoard(accountId: string, range: { from: string; to: string }, sort: TeamMetric = "newFollowers", now = new Date()): Promise<TeamRow[]> {
  const account = await db().account.findUnique({ where: { id: accountId }, select: { timezone: true, qualifyDays: true } });
  const decidedTo = (account && decidedDays(range, account.timezone, account.qualifyDays, now)?.to) ?? "0000-00-00"; // none decided: before every day
  const raw = await db().$queryRaw<Raw[]>(Prisma.sql`
    WITH members AS (
      SELECT p."teamId", COUNT(*) AS "members" FROM "Promoter" p
      WHERE p."accountId" = ${accountId} AND p."teamId" IS NOT NULL GROUP BY p."teamId"
    ), sums AS (
      SELECT p."teamId", SUM(s."newFollowers") AS "newFollowers", SUM(s."unfollows") AS "unfollows", SUM(s."scans") AS "scans",
        SUM(CASE WHEN s."day" <= ${decidedTo} THEN s."qualified" ELSE 0 END) AS "qualified"
      FROM "PromoterDailyStat" s JOIN "Promoter" p ON p."id" = s."promoterId"
      WHERE s."accountId" = ${accountId} AND s."day" >= ${range.from} AND s."day" <= ${range.to} AND p."teamId" IS NOT NULL
      GROUP BY p."teamId"
    ), board AS (
      SELECT t."id", t."name", t."leadId", t."createdAt", l."name" AS "leadName",
        COALESCE(m."members", 0) AS "members", COALESCE(x."newFollowers", 0) AS "newFollowers",
        COALESCE(x."unfollows", 0) AS "unfollows", COALESCE(x."scans", 0) AS "scans",
        COALESCE(x."newFollowers", 0) - COALESCE(x."unfollows", 0) AS "net", COALESCE(x."qualified", 0) AS "qualified"
      FROM "Team" t
      LEFT JOIN "Promoter" l ON l."id" = t."leadId"
      LEFT JOIN members m ON m."teamId" = t."id"
      LEFT JOIN sums x ON x."teamId" = t."id"
      WHERE t."accountId" = ${accountId}
    )
    SELECT b.*, ROW_NUMBER() OVER (ORDER BY ${Prisma.raw(ORDER[sort])}, "newFollowers" DESC, "createdAt" ASC, "id" ASC) AS "rank"
    FROM board b ORDER BY "rank"`);
  return raw.map((r) => {
    const [members, newFollowers] = [Number(r.members), Number(r.newFollowers)];
    return {
      rank: Number(r.rank),
      teamId: r.id,
      name: r.name,
      leadId: r.leadId,
      leadName: r.leadName,
      members,
      newFollowers,
      unfollows: Number(r.unfollows),
      net: Number(r.net),
      scans: Number(r.scans),
      perCapita: members ? Math.round((newFollowers / members) * 10) / 10 : 0,
      qualified: Number(r.qualified),
    };
  });
}

/** The account's teams by name, for pickers and filters. */
export function listTeams(accountId: string) {
  return db().team.findMany({ where: { accountId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, leadId: true } });
}
