// GET /api/promoters/[id]/qrcode – the promoter's QR code as a print-resolution PNG download (session)
import { NextResponse } from "next/server";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { notFound, unauthorized } from "@/lib/http";
import { getPromoter } from "@/lib/promoters/list-promoters";
import { qrPng } from "@/lib/qr/render-qr";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await getCurrentUser())) return unauthorized();
  const { account } = await getActiveAccount();
  const promoter = account ? await getPromoter(account.id, (await params).id) : null;
  if (!promoter?.qrCode?.url) return notFound("No QR code for this promoter");
  const size = Number(new URL(request.url).searchParams.get("size") ?? 1024);
  const png = await qrPng(promoter.qrCode.url, Number.isInteger(size) && size >= 128 && size <= 2048 ? size : 1024);
  const filename = `${promoter.name}-${promoter.qrCode.sceneKey}.png`;
  return new NextResponse(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "content-disposition": `attachment; filename="qrcode-${promoter.qrCode.sceneKey}.png"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "private, max-age=300",
    },
  });
}
