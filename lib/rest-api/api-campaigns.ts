import { z } from "zod";
import { CAMPAIGN_METRICS } from "../campaigns/campaign-query";
import { campaignSchema } from "../campaigns/campaign-schema";
import { campaignStatus } from "../campaigns/campaign-window";
import { getCampaignBoard } from "../campaigns/get-campaign-board";
import { getCampaignNewFollowers, getCampaignSummary } from "../campaigns/get-campaign-summary";
import { createCampaign, listCampaigns } from "../campaigns/save-campaign";
import { db } from "../db";

type Account = { id: string; timezone: string };
type Row = { id: string; name: string; startDay: string; endDay: string; target: number | null; createdAt: Date; _count?: { codes: number } };

/** The body of POST /api/v1/campaigns: the dashboard's form rules, as JSON. */
export const createCampaignBody = z.strictObject({
  name: z.string().max(200).meta({ description: "1–40 characters, unique in the account" }),
  startDay: z.string().meta({ description: "First day, YYYY-MM-DD in the account's time zone", example: "2026-11-01" }),
  endDay: z.string().meta({ description: "Last day (included), at most 366 days after startDay", example: "2026-11-11" }),
  target: z.number().int().min(1).nullable().optional().meta({ description: "New followers aimed for; null or absent for none" }),
});

export const campaignBoardQuery = z.object({
  sort: z.enum(CAMPAIGN_METRICS).default("newFollowers"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

async function serialize(account: Account, c: Row) {
  return {
    id: c.id,
    name: c.name,
    startDay: c.startDay,
    endDay: c.endDay,
    timezone: account.timezone,
    status: campaignStatus(c, account.timezone),
    target: c.target,
    codes: c._count?.codes ?? (await db().campaignCode.count({ where: { campaignId: c.id } })),
    newFollowers: await getCampaignNewFollowers(c),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The account's campaigns, the latest window first, each with its status and new followers so far. */
export async function listApiCampaigns(account: Account) {
  const rows = await listCampaigns(account.id);
  return { data: await Promise.all(rows.map((c) => serialize(account, c))) };
}

export async function createApiCampaign(account: Account, body: unknown, actor: { email: string }) {
  const input = createCampaignBody.parse(body);
  return serialize(account, await createCampaign(account.id, campaignSchema.parse(input), actor));
}

/** One campaign's leaderboard page with its totals and what came through its codes outside the window; null when not the account's. */
export async function getApiCampaignBoard(account: Account, id: string, query: z.infer<typeof campaignBoardQuery>) {
  const campaign = await db().campaign.findFirst({ where: { id, accountId: account.id } });
  if (!campaign) return null;
  const [summary, board] = await Promise.all([getCampaignSummary(campaign), getCampaignBoard(account.id, campaign, query)]);
  return { campaign: await serialize(account, campaign), sort: query.sort, totals: summary.totals, outside: summary.outside, total: board.total, data: board.rows };
}
