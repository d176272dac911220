// GET /api/v1/openapi.json – the OpenAPI 3.1 document of /api/v1, generated from the handlers' zod schemas (public)
import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/build-openapi";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } });
}
