import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { refusalKind } from "@/lib/health/callback-kinds";
import { callbackCounters } from "@/lib/health/record-callback";
import { resetDatabase } from "@/test/reset-database";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user })); // no browser session here
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }) }));
const { GET } = await import("./route");

let key = "";
let ours = "";
let theirs = "";
beforeEach(async () => {
  await resetDatabase();
  session.user = null;
  jar.clear();
  callbackCounters().drain();
  const account = await db().account.create({ data: { name: "健康", appId: "wx1234567890abcdef", appSecretEnc: "x", tokenEnc: "x" } });
  ours = account.id;
  theirs = (await db().account.create({ data: { name: "别家", appId: "wx1234567890other1", appSecretEnc: "x", tokenEnc: "x", mode: "safe" } })).id;
  await db().wechatEvent.create({ data: { accountId: account.id, fromUser: "o1", createTime: 1_764_000_000, event: "subscribe" } });
  key = (await createApiKey({ name: "monitor", accountId: account.id }, { email: "t" })).key;
  // Counted in memory, as the callback does; the health answer flushes this instance's counts first.
  callbackCounters().recordAccepted(ours, 4);
  callbackCounters().record(ours, refusalKind("bad_signature"));
  callbackCounters().recordAccepted(theirs, 4);
  callbackCounters().recordAccepted(theirs, 4);
});

const get = async (headers: Record<string, string> = {}) => (await GET(new Request("http://x/api/health", { headers }))).json();

describe("GET /api/health", () => {
  it("tells an anonymous probe only that it is alive", async () => {
    expect(await get()).toEqual({ ok: true, database: expect.any(String) });
  });

  it("gives an API key its own account's callback health, pipeline, token, quota and warnings, and nothing of another account", async () => {
    const body = await get({ authorization: `Bearer ${key}` });
    expect(body.account).toEqual({ name: "健康", appId: "wx1234567890abcdef", mode: "plain", timezone: "Asia/Shanghai" });
    expect(body.pipeline).toMatchObject({ backlog: 1, lagP99Ms: null, lastAttributedAt: null });
    expect(body.callback).toMatchObject({ pushes1h: 1, pushes24h: 1, lastPushAt: expect.any(String), ackP50Ms: 5, refused: { bad_signature: { count24h: 1 } } });
    expect(body.token).toEqual({ expiresInS: null, lastRefreshAt: null, lastError: null });
    expect(body.quota).toMatchObject({ cgiPath: "/cgi-bin/qrcode/create", figures: null, error: null }); // cached only: a probe never spends quota/get
    expect(body.codes).toEqual({ permanentCreated: 0, permanentLimit: 100_000, activeCodes: 0 });
    expect(body.warnings).toEqual(["bad_signature", "safe_mode_off"]);
    expect(JSON.stringify(body)).not.toMatch(/别家|tokenEnc|appSecret/);
  });

  it("gives a signed-in user the account they selected, if they may use it", async () => {
    session.user = { id: "u", email: "v@example.com", name: "", role: "viewer", allAccounts: false, accountIds: [theirs] };
    jar.set("account", ours); // forged: not one of theirs
    const body = await get();
    expect(body.account.name).toBe("别家");
    expect(body.callback).toMatchObject({ pushes24h: 2, refused: { bad_signature: { count24h: 0 } } });
    expect(body.warnings).toEqual([]);
  });

  it("treats a wrong key as anonymous", async () => {
    const body = await get({ authorization: "Bearer sk_nope" });
    expect(body.pipeline).toBeUndefined();
    expect(body.callback).toBeUndefined();
  });
});
