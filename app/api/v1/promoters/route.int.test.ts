import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/create-api-key";
import { API_RATE_LIMIT, resetApiRateLimits } from "@/lib/api-keys/rate-limit-api-key";
import { authSecret } from "@/lib/auth/auth-secret";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { startSimulator, type RunningSimulator } from "@/lib/wechat/simulator/start-simulator";
import { resetDatabase } from "@/test/reset-database";
import { GET, POST } from "./route";

const URL_BASE = "http://app.test/api/v1/promoters";
let simulator: RunningSimulator;
let accountId = "";
let otherAccountId = "";
let key = "";
let keyPrefix = "";

const get = (query = "", headers: Record<string, string> = { authorization: `Bearer ${key}` }) => GET(new Request(`${URL_BASE}${query}`, { headers }));
const post = (body: string, headers: Record<string, string> = {}) =>
  POST(new Request(URL_BASE, { method: "POST", body, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers } }));

async function seedPromoter(account: string, name: string, sceneId: number, createdAt: string, stats: { day: string; newFollowers?: number; unfollows?: number; scans?: number }[] = []) {
  const promoter = await db().promoter.create({ data: { accountId: account, name, phone: "+86 138 0000 0000", createdAt: new Date(createdAt) } });
  await db().qrCode.create({ data: { accountId: account, promoterId: promoter.id, sceneId, sceneKey: String(sceneId), status: "active", url: `http://weixin.qq.com/q/${sceneId}` } });
  for (const s of stats) await db().promoterDailyStat.create({ data: { accountId: account, promoterId: promoter.id, ...s } });
  return promoter.id;
}

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await resetDatabase();
  resetApiRateLimits();
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
  const appSecretEnc = sealSecret("abcdefabcdefabcdefabcdefabcdef12", authSecret());
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000a1", appSecretEnc, tokenEnc: "x" } })).id;
  otherAccountId = (await db().account.create({ data: { name: "另一个", appId: "wx00000000000000b2", appSecretEnc, tokenEnc: "x" } })).id;
  const created = await createApiKey({ name: "integration", accountId, scope: "read-write" }, { email: "ops@example.com" });
  key = created.key;
  keyPrefix = created.prefix;
});

describe("authentication", () => {
  it.each([
    ["no header", {}],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }],
    ["an unknown key", { authorization: `Bearer sk_${"x".repeat(43)}` }],
  ])("answers 401 with the envelope for %s", async (_label, headers: Record<string, string>) => {
    const response = await get("", headers);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("API key") } });
  });

  it("answers 401 for a revoked key, on reads and writes", async () => {
    await revokeApiKey((await db().apiKey.findFirstOrThrow()).id, { email: "ops@example.com" });
    expect((await get()).status).toBe(401);
    expect((await post(JSON.stringify({ name: "x" }))).status).toBe(401);
    expect(await db().promoter.count()).toBe(0);
  });

  it("answers 403 to a write with a read-only key, and creates nothing", async () => {
    key = (await createApiKey({ name: "reader", accountId }, { email: "cli" })).key;
    expect((await get()).status).toBe(200);
    const response = await post(JSON.stringify({ name: "x" }));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("read-write") });
    expect(await db().promoter.count()).toBe(0);
  });

  it("answers 401 once a key has expired", async () => {
    const created = await createApiKey({ name: "short", accountId, expiresAt: new Date(Date.now() + 60_000).toISOString() }, { email: "cli" });
    key = created.key;
    expect((await get()).status).toBe(200);
    await db().apiKey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get()).status).toBe(401);
  });

  it("answers 429 with Retry-After once a key's burst is spent", async () => {
    key = (await createApiKey({ name: "busy", accountId }, { email: "cli" })).key;
    vi.useFakeTimers({ toFake: ["Date"] }); // no refill while the loop runs
    const statuses: number[] = [];
    for (let i = 0; i <= API_RATE_LIMIT.burst; i++) statuses.push((await get("?limit=1")).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(API_RATE_LIMIT.burst);
    const limited = await get("?limit=1");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await limited.json()).error.code).toBe("rate_limited");
    vi.useRealTimers();
  });
});

describe("GET /api/v1/promoters", () => {
  it("lists the account's promoters, newest first, with all-time counts", async () => {
    const alice = await seedPromoter(accountId, "Alice", 1, "2026-01-01T00:00:00Z", [
      { day: "2026-01-02", newFollowers: 3, unfollows: 1, scans: 2 },
      { day: "2026-02-10", newFollowers: 2 },
    ]);
    const bob = await seedPromoter(accountId, "Bob", 2, "2026-01-05T00:00:00Z");
    await seedPromoter(otherAccountId, "Mallory", 1, "2026-01-09T00:00:00Z", [{ day: "2026-01-02", newFollowers: 9 }]);
    const response = await get();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(2);
    expect(body.data.map((p: { id: string }) => p.id)).toEqual([bob, alice]);
    expect(body.data[1]).toEqual({
      id: alice,
      name: "Alice",
      phone: "+86 138 0000 0000",
      note: null,
      active: true,
      createdAt: "2026-01-01T00:00:00.000Z",
      scene: { id: 1, key: "1", kind: "QR_LIMIT_SCENE" },
      qrCode: { status: "active", url: "http://weixin.qq.com/q/1", error: null },
      counts: { newFollowers: 5, refollows: 0, unfollows: 1, net: 4, scans: 2, backfilled: 0 },
    });
    expect(body.data[0].counts).toEqual({ newFollowers: 0, refollows: 0, unfollows: 0, net: 0, scans: 0, backfilled: 0 });
  });

  it("pages with limit and offset, searches with q, and rejects bad paging", async () => {
    for (let i = 1; i <= 3; i++) await seedPromoter(accountId, `P${i}`, i, `2026-01-0${i}T00:00:00Z`);
    const page = await (await get("?limit=1&offset=1")).json();
    expect(page).toMatchObject({ total: 3, data: [{ name: "P2" }] });
    expect(await (await get("?q=P3")).json()).toMatchObject({ total: 1, data: [{ name: "P3" }] });
    for (const query of ["?limit=0", "?limit=201", "?offset=-1", "?limit=abc", "?format=xml"]) {
      const response = await get(query);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "bad_request", details: [expect.objectContaining({ path: expect.any(String) })] });
    }
  });

  it("exports CSV with a BOM, a header row and quoted cells", async () => {
    await db().promoter.create({ data: { accountId, name: "张三, 北京", note: '=HYPERLINK("x")' } });
    for (const response of [await get("?format=csv"), await get("", { authorization: `Bearer ${key}`, accept: "text/csv" })]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe("attachment; filename=\"promoters.csv\"; filename*=UTF-8''promoters.csv");
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).split("\r\n");
      expect(lines[0]).toBe("id,name,phone,note,active,createdAt,sceneId,sceneKey,qrStatus,qrUrl,newFollowers,refollows,unfollows,net,scans");
      expect(lines[1]).toContain(`,"张三, 北京",,"'=HYPERLINK(""x"")",true,`);
    }
  });
});

describe("POST /api/v1/promoters", () => {
  it("creates a promoter with its QR code at WeChat and answers 201", async () => {
    const response = await post(JSON.stringify({ name: "推广员甲", phone: "13800000000", note: "门店 A" }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      name: "推广员甲",
      phone: "13800000000",
      note: "门店 A",
      active: true,
      scene: { id: expect.any(Number), kind: "QR_LIMIT_SCENE" },
      qrCode: { status: "active", url: expect.stringMatching(/^http:\/\/weixin\.qq\.com\/q\//), error: null },
      counts: { newFollowers: 0, refollows: 0, unfollows: 0, net: 0, scans: 0, backfilled: 0 },
    });
    expect(await db().promoter.findUnique({ where: { id: body.id } })).toMatchObject({ accountId });
    expect(await db().auditLog.findFirst({ where: { action: "promoter.create" } })).toMatchObject({ actor: `api:${keyPrefix}`, targetId: body.id });
    expect((await (await GET(new Request(`${URL_BASE}`, { headers: { authorization: `Bearer ${key}` } }))).json()).total).toBe(1);
  });

  it("still creates the promoter when WeChat refuses, with a failed code and a hint", async () => {
    simulator.state.failNext(48001, 1, "/cgi-bin/qrcode/create");
    const response = await post(JSON.stringify({ name: "Carol" }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.qrCode).toEqual({
      status: "failed",
      url: null,
      error: { errcode: 48001, errmsg: expect.any(String), hint: { zh: expect.stringContaining("认证"), en: expect.stringContaining("verified service account") } },
    });
    expect(await db().promoter.count({ where: { accountId } })).toBe(1);
  });

  it("stores the name without bidi, zero-width or control characters, and refuses one made only of them", async () => {
    const response = await post(JSON.stringify({ name: "\u202e张三\u202c\u200b\u0007" }));
    expect(response.status).toBe(201);
    expect((await response.json()).name).toBe("张三");
    expect((await db().promoter.findFirstOrThrow({ where: { accountId } })).name).toBe("张三");
    const invisible = await post(JSON.stringify({ name: "\u200b\u2066\u2069\ufeff" }));
    expect(invisible.status).toBe(400);
    expect(await db().promoter.count({ where: { accountId } })).toBe(1);
  });

  it("rejects invalid, non-JSON and oversized bodies without creating anything", async () => {
    const invalid = await post(JSON.stringify({ name: "", phone: "call me" }));
    expect(invalid.status).toBe(400);
    const details = (await invalid.json()).error.details.map((d: { path: string }) => d.path);
    expect(details).toEqual(expect.arrayContaining(["name", "phone"]));
    const notJson = await post("name=Alice", { "content-type": "application/x-www-form-urlencoded" });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("bad_request");
    const large = await post(JSON.stringify({ name: "Big", note: "x".repeat(17 * 1024) }));
    expect(large.status).toBe(413);
    expect((await large.json()).error.code).toBe("payload_too_large");
    expect(await db().promoter.count()).toBe(0);
  });
});
