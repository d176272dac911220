// The yardstick: a Next.js app whose callback route answers "success" and does nothing else. It
// shares the repository's next.config.js and tsconfig.json, so both builds differ only in the route.
import fs from "node:fs";
import path from "node:path";

const FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "scenecode-bench-empty", private: true }, null, 2)}\n`,
  "app/api/wechat/[appId]/route.ts": [
    "// POST /api/wechat/[appId] – the empty route the callback is measured against",
    'export const dynamic = "force-dynamic";',
    "",
    "export async function POST() {",
    '  return new Response("success");',
    "}",
    "",
  ].join("\n"),
  // Informational: the same, but reading the body first (what any real callback must do), to show
  // what the framework's web Request costs for it.
  "app/api/wechat-body/[appId]/route.ts": [
    "// POST /api/wechat-body/[appId] – the empty route, reading its body first",
    'export const dynamic = "force-dynamic";',
    "",
    "export async function POST(request: Request) {",
    "  await request.arrayBuffer();",
    '  return new Response("success");',
    "}",
    "",
  ].join("\n"),
  "app/api/health/route.ts": [
    "// GET /api/health – the start-up probe of scripts/reliability/harness/server.ts",
    'export const dynamic = "force-dynamic";',
    "",
    "export async function GET() {",
    "  return Response.json({ ok: true });",
    "}",
    "",
  ].join("\n"),
};

const SHARED = ["next.config.js", "tsconfig.json"];

/** Writes the empty app's sources into `dir` (node_modules is linked in by the caller). */
export function writeEmptyApp(repoRoot: string, dir: string) {
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  for (const file of SHARED) fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
}
