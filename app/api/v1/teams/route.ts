// GET /api/v1/teams – the account's teams ranked over a day range (API key)
import { NextResponse } from "next/server";
import { queryParams, teamsQuery } from "@/lib/api-keys/api-query-schemas";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { getTeamBoard } from "@/lib/teams/get-team-board";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (request, { account }) => {
  const { from, to, sort } = teamsQuery(account.timezone).parse(queryParams(request));
  return NextResponse.json({ from, to, timezone: account.timezone, sort, data: await getTeamBoard(account.id, { from, to }, sort) });
});
