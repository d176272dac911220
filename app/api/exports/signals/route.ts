// GET /api/exports/signals?promoter=&from=&to= – a promoter's fraud-signal evidence as CSV (session)
import { z } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { errorResponse, handleError, notFound, unauthorized } from "@/lib/http";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { exportSignalEvidence } from "@/lib/signals/export-signal-evidence";
import { signalWindow } from "@/lib/signals/refresh-signals";
import { parseRange } from "@/lib/stats/parse-range";

export const dynamic = "force-dynamic";

const query = z.object({ promoter: z.string().regex(/^[\w-]{1,64}$/), from: z.string().optional(), to: z.string().optional() });

export async function GET(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword) return unauthorized();
    const [{ account }, { t }] = await Promise.all([getActiveAccount(), getDictionary()]);
    if (!account) return errorResponse(409, "no_account", t.promoters.needAccount);
    const q = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const promoter = await db().promoter.findFirst({ where: { id: q.promoter, accountId: account.id }, select: { id: true, name: true } });
    if (!promoter) return notFound("No such promoter");
    const range = q.from || q.to ? parseRange(q.from, q.to, account.timezone) : signalWindow(account.timezone);
    return exportSignalEvidence(account.id, promoter, { from: range.from, to: range.to }, account.timezone, t);
  } catch (error) {
    return handleError(error);
  }
}
