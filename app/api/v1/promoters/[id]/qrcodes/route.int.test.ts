import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { qrCode, qrCodeList } from "@/lib/rest-api/api-schemas";
import { apiTestKit, call } from "@/test/api-test-kit";
import { GET, POST } from "./route";

const kit = apiTestKit();
const QR_CREATE = "/cgi-bin/qrcode/create";

async function promoter(accountId = kit.accountA, name = "Alice") {
  const p = await db().promoter.create({ data: { accountId, name } });
  return p.id;
}
const list = (id: string, query = "", key = kit.rwKey) => call(GET, `/api/v1/promoters/${id}/qrcodes${query}`, { key, params: { id } });
const create = (id: string, body: unknown, { key = kit.rwKey, headers = {} }: { key?: string; headers?: Record<string, string> } = {}) =>
  call(POST, `/api/v1/promoters/${id}/qrcodes`, { key, method: "POST", body, headers, params: { id } });

describe("POST /api/v1/promoters/{id}/qrcodes", () => {
  it("creates each of the four kinds at WeChat, with an expiry for temporary codes", async () => {
    const id = await promoter();
    const before = Date.now();
    const answers = [];
    for (const body of [
      { kind: "QR_LIMIT_SCENE" },
      { kind: "QR_LIMIT_STR_SCENE", sceneStr: "shop-42", label: "门店" },
      { kind: "QR_SCENE", expireSeconds: 3600 },
      { kind: "QR_STR_SCENE", sceneStr: "double11" },
    ]) {
      const response = await create(id, body);
      expect(response.status).toBe(201);
      answers.push(qrCode.parse(await response.json()));
    }
    expect(answers.map((a) => [a.kind, a.status, a.scene.key])).toEqual([
      ["QR_LIMIT_SCENE", "active", "1"],
      ["QR_LIMIT_STR_SCENE", "active", "shop-42"],
      ["QR_SCENE", "active", "100001"],
      ["QR_STR_SCENE", "active", "double11"],
    ]);
    expect(answers[0]).toMatchObject({ expireSeconds: null, expiresAt: null, url: expect.stringMatching(/^http:\/\/weixin\.qq\.com\/q\//) });
    expect(answers[2].expireSeconds).toBe(3600);
    expect(Date.parse(answers[2].expiresAt!) - before).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(Date.parse(answers[2].expiresAt!) - before).toBeLessThan(3600_000 + 60_000);
    expect(answers[3].expireSeconds).toBe(30 * 86400); // the default: 30 days
    expect(kit.sim.current.state.callCount(QR_CREATE)).toBe(4);
    expect(await db().auditLog.count({ where: { action: "qrcode.create" } })).toBe(4);
  });

  it("stores the code as failed with WeChat's errcode and hint when WeChat refuses", async () => {
    const id = await promoter();
    kit.sim.current.state.failNext(48001, 1, QR_CREATE);
    const response = await create(id, { kind: "QR_SCENE" });
    expect(response.status).toBe(201);
    const body = qrCode.parse(await response.json());
    expect(body).toMatchObject({ status: "failed", url: null, error: { errcode: 48001, hint: { en: expect.stringContaining("verified service account") } } });
  });

  it.each([
    [{ kind: "QR_FOO" }, "kind"],
    [{ kind: "QR_LIMIT_SCENE", sceneStr: "x" }, "sceneStr"],
    [{ kind: "QR_LIMIT_STR_SCENE", expireSeconds: 600 }, "expireSeconds"],
    [{ kind: "QR_SCENE", expireSeconds: 2_592_001 }, "expireSeconds"],
    [{ kind: "QR_SCENE", expireSeconds: 30 }, "expireSeconds"],
    [{ kind: "QR_STR_SCENE", sceneStr: "has space" }, "sceneStr"],
    [{ kind: "QR_SCENE", colour: "red" }, ""],
  ])("refuses %j with 400 naming %s, and creates nothing", async (body, field) => {
    const id = await promoter();
    const response = await create(id, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("bad_request");
    expect(error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await db().qrCode.count()).toBe(0);
    expect(kit.sim.current.state.callCount(QR_CREATE)).toBe(0);
  });

  it("answers 409 for a scene already taken, and when the permanent budget is spent", async () => {
    const id = await promoter();
    expect((await create(id, { kind: "QR_STR_SCENE", sceneStr: "taken" })).status).toBe(201);
    const taken = await create(id, { kind: "QR_LIMIT_STR_SCENE", sceneStr: "taken" });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe("scene_taken");
    // Scene 100000 in use: the allocator has no permanent integer scene left (cheaper than 100,000 rows).
    await db().qrCode.create({ data: { accountId: kit.accountA, promoterId: id, kind: "QR_LIMIT_SCENE", sceneId: 100_000, sceneKey: "100000", status: "active" } });
    const codes = await db().qrCode.count({ where: { accountId: kit.accountA } });
    const exhausted = await create(id, { kind: "QR_LIMIT_SCENE" });
    expect(exhausted.status).toBe(409);
    expect((await exhausted.json()).error.code).toBe("permanent_budget_exhausted");
    expect(await db().qrCode.count({ where: { accountId: kit.accountA } })).toBe(codes);
  });

  it("checks scope and account: a read key cannot create, account B's key sees no promoter of A", async () => {
    const id = await promoter();
    const read = await create(id, { kind: "QR_SCENE" }, { key: kit.readKey });
    expect(read.status).toBe(403);
    const other = await create(id, { kind: "QR_SCENE" }, { key: kit.otherKey });
    expect(other.status).toBe(404);
    expect((await list(id, "", kit.otherKey)).status).toBe(404);
    expect((await call(POST, `/api/v1/promoters/${id}/qrcodes`, { method: "POST", body: { kind: "QR_SCENE" }, params: { id } })).status).toBe(401);
    expect(await db().qrCode.count()).toBe(0);
  });
});

describe("Idempotency-Key on POST /api/v1/promoters/{id}/qrcodes", () => {
  it("replays the first answer to a retry and spends no second permanent code", async () => {
    const id = await promoter();
    const headers = { "idempotency-key": "retry-1" };
    const first = await create(id, { kind: "QR_LIMIT_SCENE", label: "a" }, { headers });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    // The same body in another key order is the same request.
    const retry = await create(id, { label: "a", kind: "QR_LIMIT_SCENE" }, { headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(firstBody);
    expect(await db().qrCode.count({ where: { kind: "QR_LIMIT_SCENE" } })).toBe(1);
    expect(kit.sim.current.state.callCount(QR_CREATE)).toBe(1);
  });

  it("answers 422 to the same key with a different body, and creates nothing", async () => {
    const id = await promoter();
    const headers = { "idempotency-key": "k-2" };
    expect((await create(id, { kind: "QR_LIMIT_SCENE" }, { headers })).status).toBe(201);
    const reused = await create(id, { kind: "QR_LIMIT_STR_SCENE" }, { headers });
    expect(reused.status).toBe(422);
    expect((await reused.json()).error).toMatchObject({ code: "idempotency_key_reused", message: expect.stringContaining("different request") });
    expect(await db().qrCode.count()).toBe(1);
  });

  it("scopes keys per API key, refuses malformed keys, and runs concurrent copies once", async () => {
    const a = await promoter();
    const b = await promoter(kit.accountB, "Bob");
    const headers = { "idempotency-key": "shared" };
    expect((await create(a, { kind: "QR_LIMIT_SCENE" }, { headers })).status).toBe(201);
    expect((await create(b, { kind: "QR_LIMIT_SCENE" }, { key: kit.otherKey, headers })).status).toBe(201);
    expect((await create(a, { kind: "QR_LIMIT_SCENE" }, { headers: { "idempotency-key": "x".repeat(256) } })).status).toBe(400);
    const copies = await Promise.all([1, 2, 3, 4].map(() => create(a, { kind: "QR_LIMIT_STR_SCENE" }, { headers: { "idempotency-key": "race" } })));
    const statuses = copies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await db().qrCode.count({ where: { kind: "QR_LIMIT_STR_SCENE" } })).toBe(1);
    expect(await db().apiIdempotencyKey.count()).toBe(3);
  });

  it("forgets a key after 24 hours", async () => {
    const id = await promoter();
    const headers = { "idempotency-key": "old" };
    expect((await create(id, { kind: "QR_SCENE" }, { headers })).status).toBe(201);
    await db().apiIdempotencyKey.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const again = await create(id, { kind: "QR_LIMIT_SCENE" }, { headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await db().qrCode.count()).toBe(2);
  });
});

describe("GET /api/v1/promoters/{id}/qrcodes", () => {
  it("pages oldest first with opaque cursors, without gaps or repeats while codes are added", async () => {
    const id = await promoter();
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) {
      await db().qrCode.create({ data: { accountId: kit.accountA, promoterId: id, kind: "QR_LIMIT_SCENE", sceneId: i + 1, sceneKey: String(i + 1), status: "active", url: `http://weixin.qq.com/q/${i}`, createdAt: new Date(t0 + (i < 3 ? 0 : i) * 1000) } });
    }
    const first = qrCodeList.parse(await (await list(id, "?limit=2")).json());
    expect(first.data.map((c) => c.scene.key)).toHaveLength(2);
    expect(first.nextCursor).toMatch(/^c1\./);
    await db().qrCode.create({ data: { accountId: kit.accountA, promoterId: id, kind: "QR_LIMIT_STR_SCENE", sceneStr: "new", sceneKey: "new", status: "active" } });
    const seen = [...first.data.map((c) => c.scene.key)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = qrCodeList.parse(await (await list(id, `?limit=2&cursor=${cursor}`)).json());
      seen.push(...page.data.map((c) => c.scene.key));
      cursor = page.nextCursor;
    }
    expect(seen.slice().sort()).toEqual(["1", "2", "3", "4", "5", "new"]);
    expect(new Set(seen).size).toBe(6);
  });

  it("refuses a forged or foreign cursor with 400", async () => {
    const id = await promoter();
    for (const cursor of ["abc", "c1.bm90IGpzb24", `c1.${Buffer.from("[1]").toString("base64url")}`]) {
      const response = await list(id, `?cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error.details[0]).toMatchObject({ path: "cursor", message: expect.stringContaining("nextCursor") });
    }
  });
});
