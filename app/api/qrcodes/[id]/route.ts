// GET /api/qrcodes/[id] – one QR code as a print-resolution PNG download (session)
import { NextResponse } from "next/server";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { contentDisposition } from "@/lib/exports/download-response";
import { notFound, unauthorized } from "@/lib/http";
import { qrPng } from "@/lib/qr/render-qr";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Not until a temporary password is replaced (pages redirect; a download is just refused).
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return unauthorized();
  const { account } = await getActiveAccount();
  const qr = account
    ? await db().qrCode.findFirst({ where: { id: (await params).id, accountId: account.id }, include: { promoter: { select: { name: true } } } })
    : null;
  if (!qr?.url) return notFound("No QR code image");
  const size = Number(new URL(request.url).searchParams.get("size") ?? 1024);
  const png = await qrPng(qr.url, Number.isInteger(size) && size >= 128 && size <= 2048 ? size : 1024);
  const filename = `${qr.promoter?.name ?? "qrcode"}-${qr.sceneKey}.png`;
  return new NextResponse(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "content-disposition": contentDisposition(filename, `qrcode-${qr.sceneKey}.png`),
      "cache-control": "private, max-age=300",
    },
  });
}
