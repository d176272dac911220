// GET /api/media/[id] – an uploaded permanent image's bytes, for the reply previews (session)
import { NextResponse } from "next/server";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { notFound, unauthorized } from "@/lib/http";
import { readMediaContent } from "@/lib/media/manage-media";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return unauthorized();
  const { account } = await getActiveAccount();
  const asset = account ? await readMediaContent(account.id, (await params).id) : null;
  if (!asset) return notFound("No such image");
  return new NextResponse(new Uint8Array(asset.content), {
    headers: { "content-type": asset.mimeType, "cache-control": "private, max-age=3600" },
  });
}
