// GET /api/v1/qrcodes/[id] – one QR code of the key's account (API key)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { getApiQrCode } from "@/lib/rest-api/list-api-qrcodes";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>(async (_request, { account }, { id }) => {
  const code = await getApiQrCode(account.id, id);
  return code ? NextResponse.json(code) : notFound("No such QR code");
});
