// GET /p/[token]/poster-background – the poster template's background for a promoter's private page (no login)
import { backgroundResponse } from "@/lib/posters/background-response";
import { getPosterBackground } from "@/lib/posters/get-poster-template";
import { findSelfServicePromoter } from "@/lib/self-service/find-self-service-promoter";

export const dynamic = "force-dynamic";

const PRIVATE_HEADERS = { "referrer-policy": "no-referrer", "x-robots-tag": "noindex, nofollow" };

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const promoter = await findSelfServicePromoter((await params).token);
  return backgroundResponse(promoter ? await getPosterBackground(promoter.accountId) : null, PRIVATE_HEADERS);
}
