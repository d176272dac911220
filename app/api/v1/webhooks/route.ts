// GET/POST /api/v1/webhooks – the key's account's webhook endpoints; register one (API key)
import { NextResponse } from "next/server";
import { readJsonBody, withApiKey } from "@/lib/api-keys/with-api-key";
import { createApiWebhook, listApiWebhooks } from "@/lib/webhooks/webhook-api";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

export const GET = withApiKey(async (_request, { account }) => NextResponse.json(await listApiWebhooks(account.id)));

export const POST = withApiKey(async (request, { key, account }) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  const result = await createApiWebhook(account.id, body, { email: `api:${key.prefix}` });
  return "refused" in result ? result.refused : NextResponse.json(result.created, { status: 201 });
}, { scope: "read-write" });
