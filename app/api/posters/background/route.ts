// GET /api/posters/background – the active account's poster template background (session)
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { notFound, unauthorized } from "@/lib/http";
import { backgroundResponse } from "@/lib/posters/background-response";
import { getPosterBackground } from "@/lib/posters/get-poster-template";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return unauthorized();
  const { account } = await getActiveAccount();
  if (!account) return notFound("No Official Account selected");
  return backgroundResponse(await getPosterBackground(account.id));
}
