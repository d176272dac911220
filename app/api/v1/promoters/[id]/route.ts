// GET /api/v1/promoters/[id] – one promoter of the key's account (API key)
import { NextResponse } from "next/server";
import { getApiPromoter } from "@/lib/api-keys/list-api-promoters";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>(async (_request, { account }, { id }) => {
  const promoter = await getApiPromoter(account.id, id);
  return promoter ? NextResponse.json(promoter) : notFound("No such promoter");
});
