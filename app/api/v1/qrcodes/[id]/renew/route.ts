// POST /api/v1/qrcodes/[id]/renew – a new ticket for a temporary code, or a retry of a failed one (API key)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { readLimitedBody } from "@/lib/read-limited-body";
import { idempotentCreate } from "@/lib/rest-api/idempotent-create";
import { renewApiQrCode } from "@/lib/rest-api/renew-api-qrcode";

export const dynamic = "force-dynamic";

export const POST = withApiKey<{ id: string }>(async (request, { key, account }, { id }) => {
  await readLimitedBody(request, 1024); // no body is expected; a large one is refused, not buffered
  return idempotentCreate(request, key.id, null, async () => {
    const code = await renewApiQrCode(account.id, id);
    return code ? NextResponse.json(code) : notFound("No such QR code");
  });
}, { scope: "read-write" });
