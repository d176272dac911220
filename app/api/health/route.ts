// GET /api/health – liveness and database reachability for load balancers; with a session or an
// API key, also the ingestion pipeline's backlog and attribution lag
import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getPipelineHealth } from "@/lib/ingest/monitor/get-pipeline-health";

export const dynamic = "force-dynamic";

/** Details only for a signed-in user or a valid API key (scoped to its account); anonymous probes get liveness. */
async function detailScope(request: Request): Promise<{ accountId?: string } | null> {
  if (request.headers.get("authorization")) {
    const auth = await authenticateApiKey(request).catch(() => null);
    return auth ? { accountId: auth.account.id } : null;
  }
  return (await getCurrentUser()) ? {} : null;
}

export async function GET(request: Request) {
  try {
    await db().$queryRawUnsafe("SELECT 1");
  } catch {
    return NextResponse.json({ ok: false, error: { code: "database_unavailable", message: "Database unreachable" } }, { status: 503 });
  }
  const scope = await detailScope(request).catch(() => null);
  if (!scope) return NextResponse.json({ ok: true, database: env().databaseProvider });
  return NextResponse.json({ ok: true, database: env().databaseProvider, pipeline: await getPipelineHealth(scope.accountId) });
}
