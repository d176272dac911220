// GET/POST /api/v1/promoters/[id]/qrcodes – a promoter's QR codes (cursor-paged); add one of any kind (API key)
import { NextResponse } from "next/server";
import { qrCodeListQuery, queryParams } from "@/lib/api-keys/api-query-schemas";
import { readJsonBody, withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { createApiQrCode } from "@/lib/rest-api/create-api-qrcode";
import { idempotentCreate } from "@/lib/rest-api/idempotent-create";
import { listApiQrCodes } from "@/lib/rest-api/list-api-qrcodes";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4 * 1024;

export const GET = withApiKey<{ id: string }>(async (request, { account }, { id }) => {
  const page = await listApiQrCodes(account.id, id, qrCodeListQuery.parse(queryParams(request)));
  return page ? NextResponse.json(page) : notFound("No such promoter");
});

export const POST = withApiKey<{ id: string }>(async (request, { key, account }, { id }) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  return idempotentCreate(request, key.id, body, async () =>
    NextResponse.json(await createApiQrCode(account.id, id, body, { email: `api:${key.prefix}` }), { status: 201 }),
  );
}, { scope: "read-write" });
