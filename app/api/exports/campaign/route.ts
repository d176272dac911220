// GET /api/exports/campaign?id=&sort= – a campaign's leaderboard as CSV (session)
import { z } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { CAMPAIGN_METRICS } from "@/lib/campaigns/campaign-query";
import { exportCampaignBoard } from "@/lib/campaigns/export-campaign-board";
import { db } from "@/lib/db";
import { errorResponse, handleError, notFound, unauthorized } from "@/lib/http";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export const dynamic = "force-dynamic";

const query = z.object({ id: z.string().regex(/^[\w-]{1,64}$/), sort: z.enum(CAMPAIGN_METRICS).default("newFollowers") });

export async function GET(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword) return unauthorized();
    const [{ account }, { t }] = await Promise.all([getActiveAccount(), getDictionary()]);
    if (!account) return errorResponse(409, "no_account", t.promoters.needAccount);
    const { id, sort } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const campaign = await db().campaign.findFirst({ where: { id, accountId: account.id }, select: { id: true, name: true, startDay: true, endDay: true } });
    if (!campaign) return notFound("No such campaign");
    return exportCampaignBoard(account.id, campaign, sort, t);
  } catch (error) {
    return handleError(error);
  }
}
