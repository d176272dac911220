import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { promoter, promoterList } from "@/lib/rest-api/api-schemas";
import { apiTestKit, call } from "@/test/api-test-kit";
import { GET as getOpenApi } from "../openapi.json/route";
import { GET, POST } from "./route";

const kit = apiTestKit();
const QR_CREATE = "/cgi-bin/qrcode/create";
const list = (query = "") => call(GET, `/api/v1/promoters${query}`, { key: kit.readKey });
const create = (body: unknown, headers: Record<string, string> = {}, key = kit.rwKey) => call(POST, "/api/v1/promoters", { key, method: "POST", body, headers });

describe("GET /api/v1/promoters with cursors", () => {
  it("walks newest first without gaps or repeats while promoters are added", async () => {
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    // Two share a createdAt: the id breaks the tie, so the order is total.
    for (const [i, offset] of [0, 1, 1, 2, 3].entries()) await db().promoter.create({ data: { accountId: kit.accountA, name: `P${i}`, createdAt: new Date(t0 + offset * 1000) } });
    const first = promoterList.parse(await (await list("?limit=2")).json());
    expect(first.total).toBe(5);
    const seen = first.data.map((p) => p.name);
    let cursor = first.nextCursor;
    while (cursor) {
      await db().promoter.create({ data: { accountId: kit.accountA, name: `new-${seen.length}` } });
      const page = promoterList.parse(await (await list(`?limit=2&cursor=${cursor}`)).json());
      seen.push(...page.data.map((p) => p.name));
      cursor = page.nextCursor;
    }
    expect(seen.slice().sort()).toEqual(["P0", "P1", "P2", "P3", "P4"]);
    expect(seen[0]).toBe("P4");
    expect((await list("?cursor=garbage")).status).toBe(400);
  });
});

describe("POST /api/v1/promoters with an Idempotency-Key", () => {
  it("creates once and replays the answer: one promoter, one permanent code, one WeChat call", async () => {
    const headers = { "idempotency-key": "crm-row-17" };
    const first = await create({ name: "李四", phone: "13800138000" }, headers);
    expect(first.status).toBe(201);
    const body = promoter.parse(await first.json());
    const retry = await create({ phone: "13800138000", name: "李四" }, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual({ ...body, createdAt: body.createdAt });
    expect(await db().promoter.count()).toBe(1);
    expect(await db().qrCode.count({ where: { kind: "QR_LIMIT_SCENE" } })).toBe(1);
    expect(kit.sim.current.state.callCount(QR_CREATE)).toBe(1);
    const other = await create({ name: "王五" }, headers);
    expect(other.status).toBe(422);
    expect(await db().promoter.count()).toBe(1);
  });

  it("creates twice without the header, and once for concurrent copies with one key", async () => {
    await create({ name: "A" });
    await create({ name: "A" });
    expect(await db().promoter.count()).toBe(2);
    const copies = await Promise.all([1, 2, 3].map(() => create({ name: "B" }, { "idempotency-key": "burst" })));
    expect(copies.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
    expect(await db().promoter.count({ where: { name: "B" } })).toBe(1);
  });

  it("remembers no refusal: the same key works once the body is corrected or the key is read-write", async () => {
    expect((await create({ name: "" }, { "idempotency-key": "bad" })).status).toBe(400);
    expect((await create({ name: "C" }, { "idempotency-key": "bad" })).status).toBe(201);
    expect((await create({ name: "D" }, { "idempotency-key": "ro" }, kit.readKey)).status).toBe(403);
    expect((await create({ name: "D" }, { "idempotency-key": "ro" })).status).toBe(201);
    expect(await db().promoter.count()).toBe(2);
    expect(await db().apiIdempotencyKey.count({ where: { state: "done" } })).toBe(2);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document without a key", async () => {
    const response = await getOpenApi();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc).toMatchObject({ openapi: "3.1.0", info: { title: "Scenecode REST API" } });
    expect(Object.keys(doc.paths)).toContain("/api/v1/promoters/{id}/qrcodes");
  });
});
