// GET /api/health – liveness and database reachability for load balancers; with a session or an
// API key, also the account's callback health, pipeline backlog and lag, token, quota and code budget
import { NextResponse } from "next/server";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getHealthReport } from "@/lib/health/get-health-report";

export const dynamic = "force-dynamic";

/**
 * Details only for a valid API key (its own account) or a signed-in user (the account they have
 * selected, among those they may use); anyone else gets liveness alone. Null: no details.
 */
async function detailAccount(request: Request): Promise<string | null> {
  if (request.headers.get("authorization")) return (await authenticateApiKey(request).catch(() => null))?.account.id ?? null;
  return (await getActiveAccount()).account?.id ?? null;
}

export async function GET(request: Request) {
  try {
    await db().$queryRawUnsafe("SELECT 1");
  } catch {
    return NextResponse.json({ ok: false, error: { code: "database_unavailable", message: "Database unreachable" } }, { status: 503 });
  }
  const accountId = await detailAccount(request).catch(() => null);
  const report = accountId ? await getHealthReport(accountId, { cachedQuota: true }) : null;
  if (!report) return NextResponse.json({ ok: true, database: env().databaseProvider });
  return NextResponse.json({ ok: true, database: env().databaseProvider, ...report });
}
