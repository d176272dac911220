import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { promoter as promoterSchema } from "@/lib/rest-api/api-schemas";
import { apiTestKit, call } from "@/test/api-test-kit";
import { PATCH } from "./route";

const kit = apiTestKit();

const seed = (accountId = kit.accountA) => db().promoter.create({ data: { accountId, name: "Alice", phone: "13800000000", note: "门店 A", welcomeText: "欢迎" } });
const patch = (id: string, body: unknown, key = kit.rwKey) => call(PATCH, `/api/v1/promoters/${id}`, { key, method: "PATCH", body, params: { id } });

describe("PATCH /api/v1/promoters/{id}", () => {
  it("changes only the fields sent, clears a text with null, and audits", async () => {
    const p = await seed();
    const response = await patch(p.id, { name: " 爱丽丝 ", note: null });
    expect(response.status).toBe(200);
    expect(promoterSchema.parse(await response.json())).toMatchObject({ id: p.id, name: "爱丽丝", phone: "13800000000", note: null, active: true });
    expect(await db().promoter.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ name: "爱丽丝", phone: "13800000000", note: null, welcomeText: "欢迎" });
    expect(await db().auditLog.findFirst({ where: { action: "promoter.update", targetId: p.id } })).toMatchObject({ actor: expect.stringMatching(/^api:sk_/) });
  });

  it("deactivates and reactivates, audited once per change", async () => {
    const p = await seed();
    expect((await (await patch(p.id, { active: false })).json()).active).toBe(false);
    await patch(p.id, { active: false });
    expect((await (await patch(p.id, { active: true })).json()).active).toBe(true);
    expect(await db().auditLog.count({ where: { action: "promoter.deactivate" } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "promoter.activate" } })).toBe(1);
  });

  it.each([
    [{}, ""],
    [{ name: "" }, "name"],
    [{ phone: "call me" }, "phone"],
    [{ active: "no" }, "active"],
    [{ name: "Bob", colour: "red" }, ""],
  ])("refuses %j with 400 and changes nothing", async (body, field) => {
    const p = await seed();
    const response = await patch(p.id, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await db().promoter.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ name: "Alice", phone: "13800000000", active: true });
    expect(await db().auditLog.count({ where: { targetType: "promoter" } })).toBe(0);
  });

  it("refuses non-JSON with 400, a read key with 403, another account's key with 404", async () => {
    const p = await seed();
    expect((await patch(p.id, "name=Bob")).status).toBe(400);
    expect((await patch(p.id, { name: "Bob" }, kit.readKey)).status).toBe(403);
    expect((await patch(p.id, { name: "Bob" }, kit.otherKey)).status).toBe(404);
    expect((await patch("nope", { name: "Bob" })).status).toBe(404);
    expect((await db().promoter.findUniqueOrThrow({ where: { id: p.id } })).name).toBe("Alice");
  });
});
