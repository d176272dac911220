// GET /api/v1/qrcodes/[id]/image – the code as a PNG (print resolution) or SVG download (API key)
import { qrImageQuery, queryParams } from "@/lib/api-keys/api-query-schemas";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { db } from "@/lib/db";
import { contentDisposition } from "@/lib/exports/download-response";
import { errorResponse, notFound } from "@/lib/http";
import { effectiveStatus } from "@/lib/promoters/qr-spec";
import { qrPng, qrSvg } from "@/lib/qr/render-qr";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>(async (request, { account }, { id }) => {
  const { format, size } = qrImageQuery.parse(queryParams(request));
  const qr = await db().qrCode.findFirst({ where: { id, accountId: account.id }, include: { promoter: { select: { name: true } } } });
  if (!qr) return notFound("No such QR code");
  const status = effectiveStatus(qr);
  if (!qr.url || status !== "active") return errorResponse(409, "no_image", `This code is ${status}: it has no working image; renew it first (POST /api/v1/qrcodes/${qr.id}/renew)`);
  const filename = `${qr.promoter?.name ?? "qrcode"}-${qr.sceneKey}.${format}`;
  const body = format === "svg" ? await qrSvg(qr.url) : new Uint8Array(await qrPng(qr.url, size));
  return new Response(body, {
    headers: {
      "content-type": format === "svg" ? "image/svg+xml" : "image/png",
      "content-disposition": contentDisposition(filename, `qrcode-${qr.sceneKey}.${format}`),
      "cache-control": "private, max-age=300",
    },
  });
});
