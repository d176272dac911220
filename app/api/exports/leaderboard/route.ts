// GET /api/exports/leaderboard – the leaderboard over a day range as CSV or .xlsx (session)
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { exportLeaderboard } from "@/lib/exports/export-leaderboard";
import { parseExportQuery } from "@/lib/exports/export-query";
import { ExportsBusyError, exportsBusyResponse, withXlsxExportSlot } from "@/lib/exports/limit-xlsx-exports";
import { db } from "@/lib/db";
import { badRequest, errorResponse, handleError, unauthorized } from "@/lib/http";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    // Not until a temporary password is replaced (pages redirect; a download is just refused).
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword) return unauthorized();
    const [{ account }, { t }] = await Promise.all([getActiveAccount(), getDictionary()]);
    if (!account) return errorResponse(409, "no_account", t.promoters.needAccount);
    const query = parseExportQuery(request, account.timezone);
    // ?team=<id>: the team's members only, as the filtered leaderboard shows them.
    const team = new URL(request.url).searchParams.get("team");
    if (team && !(await db().team.findFirst({ where: { id: team, accountId: account.id }, select: { id: true } }))) return badRequest("Unknown team");
    const build = () => exportLeaderboard({ accountId: account.id, timeZone: account.timezone, ...query, teamId: team ?? undefined, t });
    try {
      return await (query.format === "xlsx" ? withXlsxExportSlot(user.id, build) : build());
    } catch (error) {
      if (error instanceof ExportsBusyError) return exportsBusyResponse(error, t);
      throw error;
    }
  } catch (error) {
    return handleError(error);
  }
}
