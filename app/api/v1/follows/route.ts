// GET /api/v1/follows – the attribution ledger (follows, re-follows, unfollows, scans), cursor-paged, JSON or CSV (API key)
import { NextResponse } from "next/server";
import { followsQuery, queryParams } from "@/lib/api-keys/api-query-schemas";
import { listApiFollows } from "@/lib/api-keys/list-api-follows";
import { csvResponse, toCsv, wantsCsv } from "@/lib/api-keys/to-csv";
import { withApiKey } from "@/lib/api-keys/with-api-key";

export const dynamic = "force-dynamic";

const CSV_HEADER = ["id", "openid", "kind", "promoterId", "promoterName", "scene", "occurredAt", "day", "creditedLater"] as const;

export const GET = withApiKey(async (request, { account }) => {
  const query = followsQuery(account.timezone).parse(queryParams(request));
  const page = await listApiFollows(account.id, query);
  if (wantsCsv(request, query.format)) {
    const rows = page.data.map((r) => CSV_HEADER.map((c) => (c === "occurredAt" ? r.occurredAt.toISOString() : r[c])));
    return csvResponse(`follows-${query.from}-${query.to}.csv`, toCsv(CSV_HEADER, rows));
  }
  return NextResponse.json({ from: query.from, to: query.to, timezone: account.timezone, ...page });
});
