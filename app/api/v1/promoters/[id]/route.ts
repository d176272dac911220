// GET/PATCH /api/v1/promoters/[id] – one promoter of the key's account; update or deactivate it (API key)
import { NextResponse } from "next/server";
import { getApiPromoter } from "@/lib/api-keys/list-api-promoters";
import { readJsonBody, withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { patchApiPromoter } from "@/lib/rest-api/patch-api-promoter";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

export const GET = withApiKey<{ id: string }>(async (_request, { account }, { id }) => {
  const promoter = await getApiPromoter(account.id, id);
  return promoter ? NextResponse.json(promoter) : notFound("No such promoter");
});

export const PATCH = withApiKey<{ id: string }>(async (request, { key, account }, { id }) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  await patchApiPromoter(account.id, id, body, { email: `api:${key.prefix}` });
  return NextResponse.json(await getApiPromoter(account.id, id));
}, { scope: "read-write" });
