// GET/POST /api/v1/promoters – list promoters (JSON or CSV) and create one with its QR code (API key)
import { NextResponse } from "next/server";
import { promoterListQuery, queryParams } from "@/lib/api-keys/api-query-schemas";
import { createApiPromoter, listApiPromoters } from "@/lib/api-keys/list-api-promoters";
import { PROMOTER_CSV_HEADER, promoterCsvRow } from "@/lib/api-keys/serialize-promoter";
import { csvResponse, toCsv, wantsCsv } from "@/lib/api-keys/to-csv";
import { readJsonBody, withApiKey } from "@/lib/api-keys/with-api-key";
import { idempotentCreate } from "@/lib/rest-api/idempotent-create";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

export const GET = withApiKey(async (request, { account }) => {
  const query = promoterListQuery.parse(queryParams(request));
  const page = await listApiPromoters(account.id, { q: query.q, take: query.limit, skip: query.offset, cursor: query.cursor });
  if (wantsCsv(request, query.format)) return csvResponse("promoters.csv", toCsv(PROMOTER_CSV_HEADER, page.data.map(promoterCsvRow)));
  return NextResponse.json(page);
});

export const POST = withApiKey(async (request, { key, account }) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  // Each create spends one of the account's 100,000 permanent codes: a retry with the same Idempotency-Key must not.
  return idempotentCreate(request, key.id, body, async () =>
    NextResponse.json(await createApiPromoter(account.id, body, { email: `api:${key.prefix}` }), { status: 201 }),
  );
}, { scope: "read-write" });
