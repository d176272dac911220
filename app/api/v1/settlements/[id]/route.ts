// GET /api/v1/settlements/{id} – one settlement run with its lines per promoter (API key)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { getApiSettlement } from "@/lib/rest-api/api-settlements";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>(async (_request, { account }, { id }) => {
  const run = await getApiSettlement(account, id);
  return run ? NextResponse.json(run) : notFound("No such settlement run in this account");
});
