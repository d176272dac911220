// The app's pages and route handlers, read from the app/ folder at run time so new ones are covered.
import fs from "node:fs";
import path from "node:path";

export type AppRoute = {
  kind: "page" | "handler";
  pattern: string;
  methods: string[];
  file: string;
  /** The permission the page asks requireUser() for ("read" when called bare), or null. */
  permission: string | null;
};

const PAGE = /^page\.(tsx|ts|jsx|js)$/;
const HANDLER = /^route\.(ts|js)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (PAGE.test(entry.name) || HANDLER.test(entry.name)) out.push(full);
  }
  return out;
}

/** /(dashboard)/promoters/[id]/page.tsx → /promoters/[id]; groups and parallel slots vanish. */
function patternOf(appDir: string, file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter(Boolean);
  const kept = segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${kept.join("/")}`;
}

export function appRoutes(appDir: string): AppRoute[] {
  return walk(appDir)
    .filter((file) => !/\.test\.[tj]sx?$/.test(file))
    .map((file) => {
      const kind = PAGE.test(path.basename(file)) ? ("page" as const) : ("handler" as const);
      const source = fs.readFileSync(file, "utf8");
      const methods = kind === "page" ? ["GET"] : [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      const asked = /requireUser\(\s*(?:"([^"]+)")?\s*\)/.exec(source);
      return { kind, pattern: patternOf(appDir, file), methods, file: path.relative(appDir, file), permission: asked ? (asked[1] ?? "read") : null };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Fills dynamic segments ([id], [...slug], [[...slug]]) with a value for the parameter's name. */
export function fillPattern(pattern: string, value: (param: string, pattern: string) => string): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_, name: string) => encodeURIComponent(value(name, pattern)));
}

export type Access = "public" | "session" | "api-key" | "wechat" | "next-auth" | "token";

/** Who may call a route, by the app's own contract (README): everything else needs a session. */
export function accessOf(route: AppRoute): Access {
  const p = route.pattern;
  if (p.startsWith("/api/auth")) return "next-auth";
  if (p.startsWith("/api/wechat")) return "wechat";
  // The OpenAPI document describes the API and holds no data, so tools can fetch it without a key.
  if (p === "/api/v1/openapi.json") return "public";
  if (p.startsWith("/api/v1")) return "api-key";
  if (p.startsWith("/p/")) return "token"; // a promoter's private page: the secret in the URL is the credential
  if (p === "/api/health" || p === "/login" || p === "/setup") return "public";
  return "session";
}
