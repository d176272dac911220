// GET /api/v1/signals – promoters flagged by fraud signals over the last 30 days, with the evidence numbers (API key)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { getApiSignals } from "@/lib/signals/get-api-signals";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (_request, { account }) => NextResponse.json(await getApiSignals(account)));
