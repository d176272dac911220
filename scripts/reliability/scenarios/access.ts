// Dashboard access: every page, route handler and server action refuses anonymous and viewer-level
// requests where it should — also with x-middleware-subrequest and RSC tricks — and login brute
// force is throttled. Pages and handlers come from app/, actions from the build's manifest.
import crypto from "node:crypto";
import path from "node:path";
import { db } from "../../../lib/db";
import { hashSelfServiceToken } from "../../../lib/self-service/self-service-token";
import type { Context, Scenario } from "../harness/context";
import type { HttpResult } from "../harness/http";
import { Browser, signIn } from "../harness/session";
import { seedAccount, seedUser, randomAesKey } from "../harness/seed";
import { argsFor, callAction, Form, SELF_SERVICE_ACTIONS, serverActions, snapshot, type Seeds } from "./access-actions";
import { loginThrottle } from "./access-login";
import { accountLimits } from "./access-accounts";
import { sessionRevocation } from "./access-sessions";
import { accessOf, appRoutes, fillPattern, type AppRoute } from "./access-routes";

const hex = () => crypto.randomBytes(4).toString("hex");

// Tricks that have bypassed auth in Next.js apps (CVE-2025-29927 and RSC/prefetch variants).
const SUBREQUEST = "middleware:middleware:middleware:middleware:middleware";
const VARIANTS: { name: string; path: (p: string) => string; headers: Record<string, string>; strict: boolean }[] = [
  { name: "plain", path: (p) => p, headers: {}, strict: true },
  { name: "x-middleware-subrequest", path: (p) => p, headers: { "x-middleware-subrequest": SUBREQUEST }, strict: true },
  { name: "x-middleware-subrequest (src/)", path: (p) => p, headers: { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" }, strict: true },
  { name: "internal headers", path: (p) => p, headers: { "x-invoke-path": "/login", "x-matched-path": "/login", "x-nextjs-data": "1", "x-middleware-subrequest": SUBREQUEST }, strict: true },
  { name: "RSC + _rsc", path: (p) => `${p}${p.includes("?") ? "&" : "?"}_rsc=${hex()}`, headers: { rsc: "1" }, strict: false },
  { name: "RSC full prefetch", path: (p) => p, headers: { rsc: "1", "next-router-prefetch": "1" }, strict: false },
  { name: "RSC segment prefetch", path: (p) => p, headers: { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" }, strict: false },
  { name: ".rsc suffix", path: (p) => `${p === "/" ? "/index" : p}.rsc`, headers: {}, strict: false },
];
const ELEVATED = new Set(["write", "manage-users"]);

const LOGIN = /\/(login|setup)(\?|$)/;
const redirectsToLogin = (r: HttpResult) =>
  (r.status >= 300 && r.status < 400 && LOGIN.test(String(r.headers.location ?? ""))) ||
  (r.status === 200 && /NEXT_REDIRECT;(replace|push);\/(login|setup)/.test(r.body));
const histogram = (m: Map<number, number>, who: string) => `${who} ${[...m].map(([status, n]) => `${status}×${n}`).join(" ")}`;
const sample = (failures: string[], ok: string) => (failures.length ? `${failures.length} wrong: ${failures.slice(0, 4).join("; ")}` : ok);

/** Follows redirects that are not to the login page (e.g. Next's own ?_rsc normalisation), keeping the headers. */
async function getFollowing(browser: Browser, path: string, headers: Record<string, string>): Promise<HttpResult> {
  let res = await browser.request(path, { headers });
  for (let hop = 0; hop < 3 && res.status >= 300 && res.status < 400; hop++) {
    const location = String(res.headers.location ?? "");
    if (!location || LOGIN.test(location)) break;
    const next = new URL(location, "http://127.0.0.1");
    res = await browser.request(`${next.pathname}${next.search}`, { headers });
  }
  return res;
}

export const access: Scenario = {
  name: "access",
  limits: { fast: { seconds: 150, requests: 2_500 }, full: { seconds: 200, requests: 3_000 } },
  async run(ctx) {
    const origin = ctx.server.baseUrl;
    const admin = { email: `admin-${hex()}@reliability.test`, password: `admin-${hex()}-password` };
    const viewer = { email: `viewer-${hex()}@reliability.test`, password: `viewer-${hex()}-password` };
    const adminUser = await seedUser(admin.email, admin.password, "admin");
    const viewerUser = await seedUser(viewer.email, viewer.password, "viewer");
    const previousKey = randomAesKey();
    const account = await seedAccount("access", ctx.authSecret, { promoters: 3, mode: "compatible", encodingAesKey: randomAesKey(), previousEncodingAesKey: previousKey });
    const apiKey = await db().apiKey.create({ data: { name: "reliability", prefix: "sk_rel", keyHash: crypto.randomBytes(32).toString("hex"), accountId: account.id } });
    const seeds: Seeds = {
      accountId: account.id,
      promoterId: account.promoters[0].id,
      qrCodeId: account.promoters[0].qrCodeId,
      adminId: adminUser.id,
      viewerId: viewerUser.id,
      apiKeyId: apiKey.id,
    };
    const selfService = account.promoters[2];
    const token = crypto.randomBytes(32).toString("base64url");
    await db().promoter.update({ where: { id: selfService.id }, data: { selfServiceTokenHash: hashSelfServiceToken(token), selfServiceEnabled: true } });
    // A poster template, so the private page's poster background answers 200 to the right secret.
    const pixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");
    await db().posterTemplate.create({
      data: {
        accountId: account.id, name: "reliability", isDefault: true, background: pixel, backgroundType: "image/png", width: 1, height: 1,
        codeX: 0.1, codeY: 0.1, codeSize: 0.5, nameX: 0.5, nameY: 0.8, nameSize: 0.05, nameColor: "#000000", nameAlign: "center",
        text: "", textX: 0.5, textY: 0.9, textSize: 0.04, textColor: "#000000", textAlign: "center",
      },
    });
    const accounts = await db().account.findMany({ select: { name: true, appId: true } });
    // Data only a signed-in user may see: account names and AppIDs, promoter names, emails.
    const markers = [...accounts.flatMap((a) => [a.name, a.appId]), ...account.promoters.map((p) => p.name), admin.email, viewer.email];
    const leaks = (r: HttpResult, allowed: string[] = []) => markers.filter((m) => r.body.includes(m) && !allowed.includes(m));

    const routes = appRoutes(path.join(ctx.build.dir, "app"));
    const fill = (pattern: string, secret = `${"x".repeat(40)}bad`) =>
      fillPattern(pattern, (param, p) => (param === "token" ? secret : p.includes("qrcodes") ? seeds.qrCodeId : seeds.promoterId));
    const pages = routes.filter((r) => r.kind === "page" && accessOf(r) === "session");
    ctx.log(`routes: ${routes.map((r) => `${r.pattern} (${r.kind === "page" ? `page${r.permission ? `, ${r.permission}` : ""}` : r.methods.join(",")})`).join(", ")}`);

    // Controls: the admin sees data on every page (so "no marker" below means something).
    const adminBrowser = new Browser(ctx.http, "admin");
    const adminLogin = await signIn(adminBrowser, admin.email, admin.password);
    adminBrowser.setCookie("account", account.id); // the account switcher's choice
    const blind: string[] = [];
    for (const r of pages) {
      const res = await adminBrowser.request(fill(r.pattern));
      if (res.status !== 200 || !leaks(res).length) blind.push(`${r.pattern}: ${res.status}`);
    }
    ctx.check(
      `admin control: ${pages.length} pages show data`,
      "admin signs in; 200 with account data on each",
      adminLogin.ok ? sample(blind, `signed in; ${pages.length} × 200 with data`) : `sign-in failed: ${adminLogin.error}`,
      adminLogin.ok && blind.length === 0,
    );

    // Anonymous: every page in every variant redirects to /login and shows nothing.
    const anonymous = new Browser(ctx.http, "anonymous");
    anonymous.setCookie("account", account.id);
    const pageFailures: string[] = [];
    for (const r of pages) {
      for (const v of VARIANTS) {
        const res = await getFollowing(anonymous, v.path(fill(r.pattern)), v.headers);
        const leaked = leaks(res);
        // Document requests must redirect; RSC requests may also answer with the route tree (no data).
        const refused = v.strict ? redirectsToLogin(res) : res.status < 500;
        if (leaked.length || !refused) pageFailures.push(`${r.pattern} [${v.name}]: ${res.status}${leaked.length ? ` leaks ${leaked[0]}` : ""}`);
      }
    }
    ctx.check(
      `anonymous: ${pages.length} pages × ${VARIANTS.length} variants`,
      "HTML: redirect to /login; RSC: no data; no 5xx",
      sample(pageFailures, `${pages.length * VARIANTS.length} refused, 0 leaks`),
      pageFailures.length === 0,
    );

    // Route handlers: session ones answer 401 to anonymous callers; /api/v1 wants an API key, not a session.
    const handlerFailures: string[] = [];
    let handlerCalls = 0;
    for (const r of routes.filter((x) => x.kind === "handler" && ["session", "api-key"].includes(accessOf(x)))) {
      for (const method of r.methods) {
        const callers: [string, Record<string, string>][] = [["anonymous", {}], ["x-middleware-subrequest", { "x-middleware-subrequest": SUBREQUEST }]];
        if (accessOf(r) === "api-key") callers.push(["bogus key", { authorization: "Bearer sk_reliability_bogus" }], ["admin session, no key", { cookie: adminBrowser.cookieHeader() }]);
        for (const [who, headers] of callers) {
          const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ name: "EVIL" });
          const res = await ctx.http.request(fill(r.pattern), { method, headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) }, body });
          handlerCalls++;
          if (res.status !== 401 || leaks(res).length) handlerFailures.push(`${method} ${r.pattern} [${who}]: ${res.status}`);
        }
      }
    }
    ctx.check(`route handlers: ${handlerCalls} anonymous/keyless calls`, "401, no data", sample(handlerFailures, `${handlerCalls} × 401`), handlerFailures.length === 0);

    await privateLinks(ctx, routes, { fill, token, own: selfService.name, leaks });

    // Viewer: read pages open, pages that ask for more answer 403 without their data.
    const viewerBrowser = new Browser(ctx.http, "viewer");
    const viewerLogin = await signIn(viewerBrowser, viewer.email, viewer.password);
    viewerBrowser.setCookie("account", account.id);
    const viewerFailures: string[] = [];
    const refusedAs = new Map<number, number>();
    let elevated = 0;
    for (const r of pages) {
      const res = await viewerBrowser.request(fill(r.pattern));
      const refuse = ELEVATED.has(r.permission ?? "");
      elevated += refuse ? 1 : 0;
      // forbidden() after the layout has started streaming renders the 403 page under HTTP 200.
      const forbidden = res.status === 403 || (res.status === 200 && res.body.includes("NEXT_HTTP_ERROR_FALLBACK;403"));
      if (refuse && forbidden) refusedAs.set(res.status, (refusedAs.get(res.status) ?? 0) + 1);
      if (refuse ? !forbidden || res.body.includes(admin.email) : res.status !== 200) viewerFailures.push(`${r.pattern} (${r.permission}): ${res.status}`);
    }
    ctx.check(
      `viewer: ${pages.length} pages (${elevated} need write/manage-users)`,
      "viewer signs in; the 403 page (no data) where write/manage-users is needed, else 200",
      viewerLogin.ok
        ? sample(viewerFailures, `${elevated} × 403 page (${[...refusedAs].map(([status, n]) => `HTTP ${status}×${n}`).join(", ")}), ${pages.length - elevated} × 200`)
        : `sign-in failed: ${viewerLogin.error}`,
      viewerLogin.ok && viewerFailures.length === 0,
    );

    // Secrets: no page or export sends the Token, an EncodingAESKey or a private link, to anyone.
    const secrets = [account.token, account.encodingAesKey!, previousKey, token];
    const secretFailures: string[] = [];
    let secretFetches = 0;
    const exports = routes.filter((r) => r.kind === "handler" && accessOf(r) === "session" && r.methods.includes("GET")).map((r) => fill(r.pattern));
    for (const [who, browser] of [["admin", adminBrowser], ["viewer", viewerBrowser]] as const) {
      for (const target of [...pages.map((r) => fill(r.pattern)), ...exports]) {
        for (const headers of [{}, { rsc: "1" }] as Record<string, string>[]) {
          const res = await browser.request(target, { headers });
          secretFetches++;
          const found = secrets.filter((x) => res.body.includes(x));
          if (found.length) secretFailures.push(`${target} as ${who}${"rsc" in headers ? " (RSC)" : ""}: ${found.length} secret(s)`);
        }
      }
    }
    ctx.check(
      `secrets: ${secretFetches} page/RSC/export fetches as admin and viewer`,
      "no Token, EncodingAESKey, previous key or private-link secret in any answer",
      sample(secretFailures, "none found"),
      secretFailures.length === 0,
    );

    // Server actions. Controls first: as admin, two write actions really change the database.
    const actions = serverActions(ctx.build.dir);
    const byName = new Map(actions.map((a) => [a.name, a]));
    const pageOf = (a: { pages: string[] }) => fill(a.pages[0] ?? "/");
    const setActive = byName.get("setPromoterActiveAction");
    const update = byName.get("updatePromoterAction");
    const renamed = `REL-renamed-${hex()}`;
    if (setActive) await callAction(adminBrowser, origin, pageOf(setActive), setActive.id, [seeds.promoterId, false]);
    if (update) await callAction(adminBrowser, origin, pageOf(update), update.id, [account.promoters[1].id, new Form({ name: renamed, phone: "", note: "", welcomeText: "" })]);
    const [p0, p1] = await Promise.all([db().promoter.findUnique({ where: { id: seeds.promoterId } }), db().promoter.findUnique({ where: { id: account.promoters[1].id } })]);
    markers.push(renamed);
    ctx.check(
      "admin control: actions change the database",
      "setPromoterActive → inactive; updatePromoter → renamed",
      `${setActive && update ? "" : "actions missing from the manifest; "}active=${p0?.active}, name ${p1?.name === renamed ? "changed" : "unchanged"}`,
      p0?.active === false && p1?.name === renamed,
    );

    const before = await snapshot();
    const actionFailures: string[] = [];
    const statuses = { anonymous: new Map<number, number>(), viewer: new Map<number, number>() };
    let calls = 0;
    for (const a of actions) {
      for (const [who, browser] of [["anonymous", anonymous], ["viewer", viewerBrowser]] as const) {
        if (who === "viewer" && SELF_SERVICE_ACTIONS.has(a.name)) continue; // the viewer's own sessions: theirs to end
        for (const args of argsFor(a.name, seeds)) {
          const res = await callAction(browser, origin, pageOf(a), a.id, args);
          calls++;
          statuses[who].set(res.status, (statuses[who].get(res.status) ?? 0) + 1);
          if ((await snapshot()) !== before) {
            actionFailures.push(`${a.name} as ${who}: database changed (${res.status})`);
            break;
          }
          if (who === "anonymous" && leaks(res).length) actionFailures.push(`${a.name} as anonymous: response leaks ${leaks(res)[0]}`);
        }
      }
    }
    ctx.check(
      `server actions: ${actions.length} × anonymous and viewer (${calls} calls)`,
      "database unchanged after every call",
      `${sample(actionFailures, "database unchanged")} (${histogram(statuses.anonymous, "anonymous")}; ${histogram(statuses.viewer, "viewer")})`,
      actionFailures.length === 0,
    );

    await sessionRevocation(ctx);
    await accountLimits(ctx);
    // Last: password spraying exhausts the per-IP allowance of whatever address the suite's
    // requests come from (behind a proxy, one address for all of them), so later sign-ins would fail.
    await loginThrottle(ctx);
  },
};

type LinkHelpers = { fill: (pattern: string, secret?: string) => string; token: string; own: string; leaks: (r: HttpResult, allowed?: string[]) => string[] };

/** A promoter's private link (/p/<secret>): a wrong secret finds nothing; the right one shows that promoter only. */
async function privateLinks(ctx: Context, routes: AppRoute[], { fill, token, own, leaks }: LinkHelpers) {
  const linked = routes.filter((r) => accessOf(r) === "token");
  if (!linked.length) return;
  const anonymous = new Browser(ctx.http, "link visitor");
  const failures: string[] = [];
  for (const r of linked) {
    for (const [who, secret, headers] of [
      ["bogus secret", undefined, {}],
      ["bogus secret + x-middleware-subrequest", undefined, { "x-middleware-subrequest": SUBREQUEST }],
      ["short secret", "abc", {}],
    ] as [string, string | undefined, Record<string, string>][]) {
      const res = await anonymous.request(fill(r.pattern, secret), { headers });
      if (res.status !== 404 || leaks(res).length) failures.push(`${r.pattern} [${who}]: ${res.status}${leaks(res).length ? ` leaks ${leaks(res)[0]}` : ""}`);
    }
    const res = await anonymous.request(fill(r.pattern, token));
    const foreign = leaks(res, [own]).filter((m) => !m.startsWith("REL-access-ACCT")); // the account's own name is shown
    if (res.status !== 200 || foreign.length) failures.push(`${r.pattern} [right secret]: ${res.status}${foreign.length ? ` shows ${foreign[0]}` : ""}`);
  }
  ctx.check(
    `private links: ${linked.length} routes`,
    "wrong secret → 404, no data; right secret → 200 with no other promoter's or account's data",
    sample(failures, `${linked.length * 3} × 404, ${linked.length} × 200 (own data only)`),
    failures.length === 0,
  );
}
