// GET /api/v1/settlements – the account's locked settlement runs (API key)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { listApiSettlements } from "@/lib/rest-api/api-settlements";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (_request, { account }) => NextResponse.json(await listApiSettlements(account)));
