// GET/POST /api/v1/campaigns – list the account's campaigns and create one (API key)
import { NextResponse } from "next/server";
import { readJsonBody, withApiKey } from "@/lib/api-keys/with-api-key";
import { createApiCampaign, listApiCampaigns } from "@/lib/rest-api/api-campaigns";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4 * 1024;

export const GET = withApiKey(async (_request, { account }) => NextResponse.json(await listApiCampaigns(account)));

// The name is unique per account, so a retried create answers 409 name_taken rather than making a second campaign.
export const POST = withApiKey(async (request, { key, account }) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  return NextResponse.json(await createApiCampaign(account, body, { email: `api:${key.prefix}` }), { status: 201 });
}, { scope: "read-write" });
