import { beforeEach, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createPromoter } from "@/lib/promoters/create-promoter";
import { resetDatabase } from "@/test/reset-database";
import { importPromoters } from "./import-promoters";
import { previewImport } from "./preview-import";

const actor = { email: "admin@example.com" };
let accountId: string;
const csv = (text: string) => ({ name: "推广者.csv", bytes: new TextEncoder().encode(text) });

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000b1", appSecretEnc: "x", tokenEnc: "x" } })).id;
});

describe("importing promoters", () => {
  it("refuses a CSV with an unclosed quote as a whole, naming the row, and writes nothing", async () => {
    const error = await previewImport(accountId, csv('姓名,备注\n甲,\n乙,"门店\n丙,\n')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unclosedQuote", row: 3 });
    expect(await db().promoter.count()).toBe(0);
  });

  it("previews accepted and rejected rows, duplicates of existing promoters included, writing nothing", async () => {
    await createPromoter(accountId, { name: "甲", phone: "138 0013 8000" }, actor, { issueCode: false });
    const preview = await previewImport(accountId, csv("姓名,手机号,备注\n甲,13800138000,\n乙,13900139000,门店\n丙,bad,\n甲,,无手机号\n"));
    expect(preview.totalRows).toBe(4);
    expect(preview.accepted.map((r) => r.name)).toEqual(["乙", "甲"]);
    expect(preview.rejected).toEqual([
      { row: 2, name: "甲", phone: "13800138000", reasons: ["duplicate"] },
      { row: 4, name: "丙", phone: "bad", reasons: ["phoneInvalid"] },
    ]);
    expect(await db().promoter.count()).toBe(1);
  });

  it("creates the accepted rows with pending codes and fresh scenes, without calling WeChat", async () => {
    const xlsx = await writeXlsxFile([["Name", "Phone", "Note"], ["李四", 13900139000, "华东"], ["王五", null, null]]).toBuffer();
    const preview = await previewImport(accountId, { name: "list.xlsx", bytes: new Uint8Array(xlsx) });
    const result = await importPromoters(accountId, preview.accepted, actor);
    expect(result).toEqual({ created: 2, rejected: [], stopped: null });
    const promoters = await db().promoter.findMany({ orderBy: { createdAt: "asc" }, include: { qrCodes: true } });
    expect(promoters.map((p) => [p.name, p.phone, p.note, p.qrCodes[0].status, p.qrCodes[0].sceneKey])).toEqual([
      ["李四", "13900139000", "华东", "pending", "1"],
      ["王五", null, null, "pending", "2"],
    ]);
    expect(await db().auditLog.count({ where: { action: "promoter.create", actor: actor.email } })).toBe(2);
  });

  it("skips rows sent twice as duplicates and re-checks rows the browser sends", async () => {
    const rows = [{ row: 2, name: "甲", phone: "13800138000", note: null }];
    expect((await importPromoters(accountId, rows, actor)).created).toBe(1);
    const again = await importPromoters(accountId, [...rows, { row: 3, name: "", phone: null, note: null }, { row: 4, name: "乙", phone: "+86 138-0013-8000", note: null }], actor);
    expect(again).toEqual({
      created: 1,
      rejected: [
        { row: 2, name: "甲", phone: "13800138000", reasons: ["duplicate"] },
        { row: 3, name: "", phone: "", reasons: ["nameRequired"] },
      ],
      stopped: null,
    });
    await expect(importPromoters(accountId, Array.from({ length: 201 }, (_, i) => ({ row: i + 2, name: `p${i}`, phone: null, note: null })), actor)).rejects.toBeInstanceOf(ZodError);
    expect(await db().promoter.count()).toBe(2);
  });

  it("reads a team column: joins existing teams, creates the missing ones once, and refuses bad team names", async () => {
    const east = await db().team.create({ data: { accountId, name: "华东" } });
    const other = (await db().account.create({ data: { name: "别的号", appId: "wx00000000000000b2", appSecretEnc: "x", tokenEnc: "x" } })).id;
    await db().team.create({ data: { accountId: other, name: "华南" } }); // another account's team is not ours
    const preview = await previewImport(accountId, csv(`姓名,团队\n甲,华东\n乙,华南\n丙,\n丁,华南\n戊,${"队".repeat(31)}\n`));
    expect(preview.newTeams).toEqual(["华南"]);
    expect(preview.accepted.map((r) => [r.name, r.team])).toEqual([["甲", "华东"], ["乙", "华南"], ["丙", null], ["丁", "华南"]]);
    expect(preview.rejected).toEqual([{ row: 6, name: "戊", phone: "", reasons: ["teamInvalid"] }]);
    expect(await db().team.count({ where: { accountId } })).toBe(1); // the preview writes nothing

    // Two chunks, as the wizard sends them: the second finds the team the first created.
    expect((await importPromoters(accountId, preview.accepted.slice(0, 2), actor)).created).toBe(2);
    expect((await importPromoters(accountId, preview.accepted.slice(2), actor)).created).toBe(2);
    const south = await db().team.findUniqueOrThrow({ where: { accountId_name: { accountId, name: "华南" } } });
    const promoters = await db().promoter.findMany({ where: { accountId }, orderBy: { name: "asc" }, select: { name: true, teamId: true } });
    expect(Object.fromEntries(promoters.map((p) => [p.name, p.teamId]))).toEqual({ 甲: east.id, 乙: south.id, 丙: null, 丁: south.id });
    expect(await db().team.count({ where: { accountId } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "team.create", targetId: south.id } })).toBe(1);
    // The browser's rows are checked again: a team name over 30 characters creates nothing.
    const bad = await importPromoters(accountId, [{ row: 2, name: "己", phone: null, note: null, team: "队".repeat(31) }], actor);
    expect(bad).toEqual({ created: 0, rejected: [{ row: 2, name: "己", phone: "", reasons: ["teamInvalid"] }], stopped: null });
    expect(await db().team.count({ where: { accountId } })).toBe(2);
  });

  it("stops when the permanent-code budget is spent, reporting what was created", async () => {
    await db().qrCode.create({ data: { accountId, kind: "QR_LIMIT_SCENE", sceneId: 100_000, sceneKey: "100000" } });
    const result = await importPromoters(accountId, [{ row: 2, name: "甲", phone: null, note: null }], actor);
    expect(result).toEqual({ created: 0, rejected: [], stopped: "budgetExhausted" });
  });
});
