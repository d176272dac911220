import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importPromoters } from "@/lib/imports/import-promoters";
import { previewImport } from "@/lib/imports/preview-import";
import { resetDatabase } from "@/test/reset-database";
import { createPromoter } from "./create-promoter";
import { updatePromoter } from "./update-promoter";

const actor = { email: "admin@example.com" };
let accountId: string;

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000d1", appSecretEnc: "x", tokenEnc: "x" } })).id;
});

// The dashboard's create and edit forms call createPromoter and updatePromoter with the form's fields.
describe("promoter names from forms and imports", () => {
  it("stores names from the create and edit forms without bidi, zero-width or control characters", async () => {
    const { promoterId } = await createPromoter(accountId, { name: "\u202eABC\u202c", phone: "" }, actor, { issueCode: false });
    expect((await db().promoter.findUniqueOrThrow({ where: { id: promoterId } })).name).toBe("ABC");
    await updatePromoter(accountId, promoterId, { name: "李\u200d四\u2066\u0000" }, actor);
    expect((await db().promoter.findUniqueOrThrow({ where: { id: promoterId } })).name).toBe("李四");
  });

  it("cleans imported names, and a hidden character does not make an existing promoter new", async () => {
    await createPromoter(accountId, { name: "张三", phone: "13800138000" }, actor, { issueCode: false });
    const file = { name: "推广者.csv", bytes: new TextEncoder().encode("姓名,手机号\n张\u200b三,13800138000\n\u202e王五\u202c,\n") };
    const preview = await previewImport(accountId, file);
    expect(preview.accepted.map((r) => r.name)).toEqual(["王五"]);
    expect(preview.rejected).toEqual([{ row: 2, name: "张三", phone: "13800138000", reasons: ["duplicate"] }]);
    // The browser sends the rows back; a tampered chunk is cleaned and checked again on the server.
    const result = await importPromoters(accountId, [{ row: 2, name: "张\ufeff三", phone: "13800138000", note: null }, ...preview.accepted], actor);
    expect(result).toEqual({ created: 1, rejected: [{ row: 2, name: "张三", phone: "13800138000", reasons: ["duplicate"] }], stopped: null });
    expect((await db().promoter.findMany({ orderBy: { createdAt: "asc" } })).map((p) => p.name)).toEqual(["张三", "王五"]);
  });
});
