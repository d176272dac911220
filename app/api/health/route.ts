// GET /api/health – liveness and database reachability, for load balancers and start-up checks
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return NextResponse.json({ ok: true, database: env().databaseProvider });
  } catch {
    return NextResponse.json({ ok: false, error: { code: "database_unavailable", message: "Database unreachable" } }, { status: 503 });
  }
}
