import { db, Prisma } from "../db";
import { decidedDays } from "../qualified/qualify-window";
import type { Window } from "./campaign-window";
import { CAMPAIGN_ORDER, campaignBoardCte, campaignCtes, type CampaignMetric } from "./campaign-query";

export const CAMPAIGN_PAGE_SIZE = 50;

export type CampaignBoardRow = {
  rank: number;
  promoterId: string;
  name: string;
  active: boolean;
  newFollowers: number;
  /** 有效关注: of the new followers, those of decided days still following N days after (lib/qualified). */
  qualified: number;
  /** New followers of days not decided yet (待定). */
  qualifyPending: number;
  refollows: number;
  scans: number;
  unfollows: number;
  net: number;
  /** Follows (new and re-follows) through the campaign's codes before or after its window: shown apart, never in the figures above. */
  outsideFollows: number;
  outsideScans: number;
};

type Raw = Record<"id" | "name", string> & { active: boolean | number | bigint } & Record<Exclude<keyof CampaignBoardRow, "promoterId" | "name" | "active"> | "total", number | bigint>;

export type CampaignBoardOptions = { sort?: CampaignMetric; limit?: number; offset?: number; now?: Date };

/**
 * The campaign's promoters ranked by a metric over its window; sorting and paging in the database.
 * A promoter is on the board when one of their codes is enrolled, or a follow through an enrolled
 * code was credited to them (a code that changed hands). Returns one page and the board's size.
 */
export async function getCampaignBoard(accountId: string, campaign: Window & { id: string }, options: CampaignBoardOptions = {}): Promise<{ rows: CampaignBoardRow[]; total: number }> {
  const { sort = "newFollowers", limit = CAMPAIGN_PAGE_SIZE, offset = 0, now = new Date() } = options;
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { timezone: true, qualifyDays: true } });
  const decidedTo = decidedDays({ from: campaign.startDay, to: campaign.endDay }, account.timezone, account.qualifyDays, now)?.to ?? null;
  const take = Number.isFinite(limit) ? limit : 2_147_483_647; // no portable "no limit": PostgreSQL refuses -1
  const raw = await db().$queryRaw<Raw[]>(Prisma.sql`
    WITH ${campaignCtes(campaign.id, campaign, decidedTo)}, ${campaignBoardCte(accountId)},
    ranked AS (
      SELECT b.*, ROW_NUMBER() OVER (ORDER BY ${Prisma.raw(CAMPAIGN_ORDER[sort])}, b."newFollowers" DESC, b."createdAt" ASC, b."id" ASC) AS "rank"
      FROM board b
    )
    SELECT r.*, COUNT(*) OVER () AS "total" FROM ranked r ORDER BY r."rank" LIMIT ${take} OFFSET ${offset}`);
  const rows: CampaignBoardRow[] = raw.map((r) => ({
    rank: Number(r.rank),
    promoterId: r.id,
    name: r.name,
    active: Boolean(Number(r.active)),
    newFollowers: Number(r.newFollowers),
    qualified: Number(r.qualified),
    qualifyPending: Number(r.qualifyPending),
    refollows: Number(r.refollows),
    scans: Number(r.scans),
    unfollows: Number(r.unfollows),
    net: Number(r.net),
    outsideFollows: Number(r.outsideFollows),
    outsideScans: Number(r.outsideScans),
  }));
  const total: number = raw.length ? Number(raw[0].total) : offset > 0 ? (await getCampaignBoard(accountId, campaign, { sort, limit: 1 })).total : 0;
  return { rows, total };
}
