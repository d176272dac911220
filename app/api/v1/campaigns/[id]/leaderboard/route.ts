// GET /api/v1/campaigns/{id}/leaderboard – a campaign's promoters ranked over its window (API key)
import { NextResponse } from "next/server";
import { queryParams } from "@/lib/api-keys/api-query-schemas";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { campaignBoardQuery, getApiCampaignBoard } from "@/lib/rest-api/api-campaigns";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>(async (request, { account }, { id }) => {
  const query = campaignBoardQuery.parse(queryParams(request));
  const board = await getApiCampaignBoard(account, id, query);
  return board ? NextResponse.json(board) : notFound("No such campaign in this account");
});
