// GET /api/exports/ledger – every attribution (follow, re-follow, scan, unfollow) over a day range as CSV or .xlsx (session)
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { exportLedger, LedgerTooLargeError } from "@/lib/exports/export-ledger";
import { parseExportQuery } from "@/lib/exports/export-query";
import { ExportsBusyError, exportsBusyResponse, withXlsxExportSlot } from "@/lib/exports/limit-xlsx-exports";
import { errorResponse, handleError, payloadTooLarge, unauthorized } from "@/lib/http";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    // Not until a temporary password is replaced (pages redirect; a download is just refused).
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword) return unauthorized();
    const [{ account }, { t, locale }] = await Promise.all([getActiveAccount(), getDictionary()]);
    if (!account) return errorResponse(409, "no_account", t.promoters.needAccount);
    const query = parseExportQuery(request, account.timezone);
    const build = () => exportLedger({ accountId: account.id, timeZone: account.timezone, from: query.from, to: query.to, format: query.format, t });
    try {
      return await (query.format === "xlsx" ? withXlsxExportSlot(user.id, build) : build());
    } catch (error) {
      if (error instanceof ExportsBusyError) return exportsBusyResponse(error, t);
      if (!(error instanceof LedgerTooLargeError)) throw error;
      return payloadTooLarge(format(t.batch.exports.tooLargeForExcel, { count: error.count.toLocaleString(locale), limit: error.limit.toLocaleString(locale) }));
    }
  } catch (error) {
    return handleError(error);
  }
}
