// GET /api/exports/settlement?id=&format=csv|xlsx&sheet=lines|evidence – a settlement run's payout sheet and evidence (session, admins)
import { z } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { ExportsBusyError, exportsBusyResponse, withXlsxExportSlot } from "@/lib/exports/limit-xlsx-exports";
import { errorResponse, forbidden, handleError, notFound, unauthorized } from "@/lib/http";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { exportSettlementCsv, exportSettlementXlsx } from "@/lib/settlement/export-settlement";
import { getSettlementRun } from "@/lib/settlement/get-settlement-run";

export const dynamic = "force-dynamic";

const query = z.object({ id: z.string().regex(/^[\w-]{1,64}$/), format: z.enum(["csv", "xlsx"]).default("csv"), sheet: z.enum(["lines", "evidence"]).default("lines") });

export async function GET(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword) return unauthorized();
    if (!can(user.role, "write")) return forbidden();
    const [{ account }, { t }] = await Promise.all([getActiveAccount(), getDictionary()]);
    if (!account) return errorResponse(409, "no_account", t.promoters.needAccount);
    const { id, format, sheet } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const run = await getSettlementRun(account.id, id);
    if (!run) return notFound("No such settlement run");
    if (format === "csv") return exportSettlementCsv(run, sheet, t, account.timezone);
    try {
      return await withXlsxExportSlot(user.id, () => exportSettlementXlsx(run, t, account.timezone));
    } catch (error) {
      if (error instanceof ExportsBusyError) return exportsBusyResponse(error, t);
      throw error;
    }
  } catch (error) {
    return handleError(error);
  }
}
