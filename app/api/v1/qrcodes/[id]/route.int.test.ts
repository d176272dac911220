import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorBody, qrCode } from "@/lib/rest-api/api-schemas";
import { apiTestKit, call } from "@/test/api-test-kit";
import { GET as getImage } from "./image/route";
import { POST as renew } from "./renew/route";
import { GET } from "./route";

const kit = apiTestKit();
const QR_CREATE = "/cgi-bin/qrcode/create";

async function code(data: { kind?: string; status?: string; expiresAt?: Date | null; accountId?: string; sceneKey?: string } = {}) {
  const accountId = data.accountId ?? kit.accountA;
  const promoter = await db().promoter.create({ data: { accountId, name: "张三's 码" } });
  const kind = data.kind ?? "QR_SCENE";
  const sceneKey = data.sceneKey ?? (kind === "QR_SCENE" ? "100001" : "7");
  return db().qrCode.create({
    data: {
      accountId, promoterId: promoter.id, kind, sceneId: Number(sceneKey), sceneKey, status: data.status ?? "active",
      url: data.status === "failed" ? null : "http://weixin.qq.com/q/old", ticket: "old-ticket",
      expireSeconds: kind === "QR_SCENE" ? 86400 : null, expiresAt: data.expiresAt ?? null,
    },
  });
}
const renewCall = (id: string, key = kit.rwKey, headers: Record<string, string> = {}) => call(renew, `/api/v1/qrcodes/${id}/renew`, { key, method: "POST", headers, params: { id } });
const image = (id: string, query = "", key = kit.readKey) => call(getImage, `/api/v1/qrcodes/${id}/image${query}`, { key, params: { id } });

describe("GET /api/v1/qrcodes/{id}", () => {
  it("answers the code with its status as of now, and 404 to another account's key", async () => {
    const qr = await code({ expiresAt: new Date(Date.now() - 1000) });
    const response = await call(GET, `/api/v1/qrcodes/${qr.id}`, { key: kit.readKey, params: { id: qr.id } });
    expect(response.status).toBe(200);
    expect(qrCode.parse(await response.json())).toMatchObject({ id: qr.id, status: "expired", kind: "QR_SCENE", scene: { key: "100001" } });
    expect((await call(GET, `/api/v1/qrcodes/${qr.id}`, { key: kit.otherKey, params: { id: qr.id } })).status).toBe(404);
  });
});

describe("POST /api/v1/qrcodes/{id}/renew", () => {
  it("gives an expired temporary code a new ticket for its full period, same scene", async () => {
    const qr = await code({ expiresAt: new Date(Date.now() - 1000) });
    const response = await renewCall(qr.id);
    expect(response.status).toBe(200);
    const body = qrCode.parse(await response.json());
    expect(body).toMatchObject({ status: "active", scene: { key: "100001" }, expireSeconds: 86400 });
    expect(body.ticket).not.toBe("old-ticket");
    expect(Date.parse(body.expiresAt!)).toBeGreaterThan(Date.now() + 86400_000 - 60_000);
    expect(kit.sim.current.state.callCount(QR_CREATE)).toBe(1);
  });

  it("retries a failed permanent code, and refuses to renew an active permanent one", async () => {
    const failed = await code({ kind: "QR_LIMIT_SCENE", status: "failed" });
    expect(qrCode.parse(await (await renewCall(failed.id)).json()).status).toBe("active");
    const active = await code({ kind: "QR_LIMIT_SCENE", sceneKey: "8" });
    const refused = await renewCall(active.id);
    expect(refused.status).toBe(409);
    expect(errorBody.parse(await refused.json()).error.code).toBe("not_renewable");
  });

  it("surfaces WeChat's refusal as 502 with the errcode and hint, keeping the code as it was", async () => {
    const qr = await code({ expiresAt: new Date(Date.now() + 3600_000) });
    kit.sim.current.state.failNext(45009, 1, QR_CREATE);
    const response = await renewCall(qr.id);
    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "wechat_error", details: { errcode: 45009, hint: { zh: expect.stringContaining("上限"), en: expect.stringContaining("quota") } } });
    const after = await db().qrCode.findUniqueOrThrow({ where: { id: qr.id } });
    expect(after).toMatchObject({ ticket: "old-ticket", status: "active", expiresAt: qr.expiresAt });
  });

  it("needs a read-write key of the code's account", async () => {
    const qr = await code();
    expect((await renewCall(qr.id, kit.readKey)).status).toBe(403);
    expect((await renewCall(qr.id, kit.otherKey)).status).toBe(404);
    expect(kit.sim.current.state.callCount(QR_CREATE)).toBe(0);
  });

  it("replays a retried renewal with the same Idempotency-Key instead of renewing twice", async () => {
    const qr = await code();
    const headers = { "idempotency-key": "renew-1" };
    const first = await (await renewCall(qr.id, kit.rwKey, headers)).json();
    const again = await renewCall(qr.id, kit.rwKey, headers);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(first);
    expect(kit.sim.current.state.callCount(QR_CREATE)).toBe(1);
  });
});

describe("GET /api/v1/qrcodes/{id}/image", () => {
  it("downloads PNG and SVG with a safe Content-Disposition", async () => {
    const qr = await code();
    const png = await image(qr.id, "?size=256");
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBe(`attachment; filename="qrcode-100001.png"; filename*=UTF-8''${encodeURIComponent("张三")}%27s%20${encodeURIComponent("码")}-100001.png`);
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    const svg = await image(qr.id, "?format=svg");
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg /);
  });

  it("answers 409 for a code without a working image, 400 for a bad format or size, 404 across accounts", async () => {
    const failed = await code({ kind: "QR_LIMIT_SCENE", status: "failed" });
    const none = await image(failed.id);
    expect(none.status).toBe(409);
    expect((await none.json()).error.code).toBe("no_image");
    const expired = await code({ expiresAt: new Date(Date.now() - 1000), sceneKey: "100002" });
    expect((await image(expired.id)).status).toBe(409);
    const ok = await code({ sceneKey: "100003" });
    expect((await image(ok.id, "?format=gif")).status).toBe(400);
    expect((await image(ok.id, "?size=99999")).status).toBe(400);
    expect((await image(ok.id, "", kit.otherKey)).status).toBe(404);
    expect((await image(ok.id, "", "")).status).toBe(401);
  });
});
