// GET /p/[token]/qr – the promoter's permanent code as a PNG for their private page (no login)
import { NextResponse } from "next/server";
import { contentDisposition } from "@/lib/exports/download-response";
import { qrPng } from "@/lib/qr/render-qr";
import { findSelfServicePromoter } from "@/lib/self-service/find-self-service-promoter";

export const dynamic = "force-dynamic";

const PRIVATE_HEADERS = { "referrer-policy": "no-referrer", "x-robots-tag": "noindex, nofollow", "cache-control": "private, no-store" };

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const promoter = await findSelfServicePromoter((await params).token);
  if (!promoter?.qr) return new NextResponse("Not found", { status: 404, headers: { ...PRIVATE_HEADERS, "content-type": "text/plain; charset=utf-8" } });
  const png = await qrPng(promoter.qr.url);
  const filename = `${promoter.name}-${promoter.qr.sceneKey}.png`;
  const disposition = new URL(request.url).searchParams.has("download") ? "attachment" : "inline";
  return new NextResponse(new Uint8Array(png), {
    headers: {
      ...PRIVATE_HEADERS,
      "content-type": "image/png",
      "content-disposition": contentDisposition(filename, `qrcode-${promoter.qr.sceneKey}.png`, disposition),
    },
  });
}
