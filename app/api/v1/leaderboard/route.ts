// GET /api/v1/leaderboard – promoters ranked over a day range, JSON or CSV (API key)
import { NextResponse } from "next/server";
import { leaderboardQuery, queryParams } from "@/lib/api-keys/api-query-schemas";
import { csvResponse, toCsv, wantsCsv } from "@/lib/api-keys/to-csv";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http";
import { getLeaderboard } from "@/lib/stats/get-leaderboard";

export const dynamic = "force-dynamic";

// Columns are only ever appended (teamName came last), so existing CSV readers keep working.
const CSV_HEADER = ["rank", "promoterId", "name", "active", "sceneKey", "newFollowers", "refollows", "unfollows", "net", "scans", "retention7", "teamName", "qualified", "qualifyPending"] as const;

export const GET = withApiKey(async (request, { account }) => {
  const { from, to, sort, team, format } = leaderboardQuery(account.timezone).parse(queryParams(request));
  if (team && !(await db().team.findFirst({ where: { id: team, accountId: account.id }, select: { id: true } }))) return notFound("No such team in this account");
  const { rows: data } = await getLeaderboard(account.id, { from, to }, { sort, timeZone: account.timezone, teamId: team, limit: Infinity });
  if (wantsCsv(request, format)) {
    const rows = data.map((r) => CSV_HEADER.map((column) => r[column]));
    return csvResponse(`leaderboard-${from}-${to}.csv`, toCsv(CSV_HEADER, rows));
  }
  return NextResponse.json({ from, to, timezone: account.timezone, sort, data });
});
