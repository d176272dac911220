import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import type { RunningSimulator } from "@/lib/wechat/simulator/start-simulator";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { addQrCode, SceneTakenError } from "./add-qrcode";
import { permanentBudget, PermanentBudgetExhaustedError, PERMANENT_CODE_LIMIT } from "./allocate-scene";
import { createPromoter } from "./create-promoter";
import { issueQrCode } from "./issue-qrcode";
import { listPromoterCodes } from "./list-promoter-codes";

const actor = { email: "test" };
const CREATE = "/cgi-bin/qrcode/create";
const sim = simulatorForTests();
let simulator: RunningSimulator;
let accountId: string;

beforeEach(async () => {
  await resetDatabase();
  simulator = sim.use();
  accountId = (await createTestAccount()).id;
});

describe("creating promoters", () => {
  it("allocates the next free permanent scene and creates the code at WeChat", async () => {
    const a = await createPromoter(accountId, { name: "甲" }, actor);
    const b = await createPromoter(accountId, { name: "乙", phone: "+86 138 0013 8000" }, actor);
    expect([a.sceneId, b.sceneId]).toEqual([1, 2]);
    expect(a.qr).toEqual({ ok: true });
    const qr = await db().qrCode.findUniqueOrThrow({ where: { id: b.qrCodeId } });
    expect(qr).toMatchObject({ kind: "QR_LIMIT_SCENE", sceneKey: "2", status: "active" });
    expect(qr.url).toMatch(/^http:\/\/weixin\.qq\.com\/q\//);
  });

  it("gives concurrent creations distinct scenes", async () => {
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => createPromoter(accountId, { name: `p${i}` }, actor)));
    expect(new Set(created.map((c) => c.sceneId)).size).toBe(8);
  });

  it("keeps the promoter when WeChat refuses, then a retry succeeds", async () => {
    simulator.state.failNext(48001, 1, CREATE);
    const created = await createPromoter(accountId, { name: "丙" }, actor);
    expect(created.qr).toMatchObject({ ok: false, errcode: 48001 });
    expect(await db().promoter.count()).toBe(1);
    expect(await db().qrCode.findUniqueOrThrow({ where: { id: created.qrCodeId } })).toMatchObject({ status: "failed", lastErrorCode: 48001 });
    expect(await issueQrCode(created.qrCodeId)).toEqual({ ok: true });
    expect(await db().qrCode.findUniqueOrThrow({ where: { id: created.qrCodeId } })).toMatchObject({ status: "active", lastErrorCode: null });
  });

  it("refuses a new permanent code once scene 100000 is taken, saving nothing", async () => {
    await db().qrCode.create({ data: { accountId, kind: "QR_LIMIT_SCENE", sceneId: PERMANENT_CODE_LIMIT, sceneKey: String(PERMANENT_CODE_LIMIT) } });
    await expect(createPromoter(accountId, { name: "满" }, actor)).rejects.toBeInstanceOf(PermanentBudgetExhaustedError);
    expect(await db().promoter.count()).toBe(0);
  });

  it("rejects an invalid form without writing", async () => {
    await expect(createPromoter(accountId, { name: "" }, actor)).rejects.toBeInstanceOf(ZodError);
    await expect(createPromoter(accountId, { name: "x", phone: "call me" }, actor)).rejects.toBeInstanceOf(ZodError);
    expect(await db().promoter.count()).toBe(0);
  });
});

describe("codes of every kind", () => {
  it("adds a temporary integer code above the permanent range, with its expiry", async () => {
    const { promoterId } = await createPromoter(accountId, { name: "丁" }, actor);
    const before = Date.now();
    const added = await addQrCode(accountId, promoterId, { kind: "QR_SCENE", label: "双十一", expireDays: 7 }, actor);
    expect(added.result).toEqual({ ok: true });
    const qr = await db().qrCode.findUniqueOrThrow({ where: { id: added.qrCodeId } });
    expect(qr.sceneId).toBe(PERMANENT_CODE_LIMIT + 1);
    expect(qr.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(7 * 86400_000 - 1000);
    expect(qr.expiresAt!.getTime() - before).toBeLessThanOrEqual(7 * 86400_000 + 5000);
    expect(simulator.state.tickets.get(qr.ticket!)).toMatchObject({ action: "QR_SCENE", scene: String(qr.sceneId) });
  });

  it("adds permanent and temporary string scenes and refuses a scene already in use", async () => {
    const { promoterId } = await createPromoter(accountId, { name: "戊" }, actor);
    await addQrCode(accountId, promoterId, { kind: "QR_LIMIT_STR_SCENE", sceneStr: "shop-42" }, actor);
    const generated = await addQrCode(accountId, promoterId, { kind: "QR_STR_SCENE", expireDays: 3 }, actor);
    expect(generated.sceneKey).toMatch(/^c[0-9a-f]{12}$/);
    await expect(addQrCode(accountId, promoterId, { kind: "QR_STR_SCENE", sceneStr: "shop-42" }, actor)).rejects.toBeInstanceOf(SceneTakenError);
    await expect(addQrCode(accountId, promoterId, { kind: "QR_SCENE", expireDays: 31 }, actor)).rejects.toBeInstanceOf(ZodError);
    expect((await listPromoterCodes(accountId, promoterId)).map((c) => c.kind)).toEqual(["QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE", "QR_STR_SCENE"]);
  });

  it("renews a temporary code with a new ticket and a later expiry, and flags codes expiring soon", async () => {
    const { promoterId } = await createPromoter(accountId, { name: "己" }, actor);
    const { qrCodeId } = await addQrCode(accountId, promoterId, { kind: "QR_SCENE", expireDays: 1 }, actor);
    const first = await db().qrCode.findUniqueOrThrow({ where: { id: qrCodeId } });
    const codes = await listPromoterCodes(accountId, promoterId);
    expect(codes.find((c) => c.id === qrCodeId)?.expiringSoon).toBe(true);
    const later = new Date(Date.now() + 3600_000);
    expect(await issueQrCode(qrCodeId, later)).toEqual({ ok: true });
    const renewed = await db().qrCode.findUniqueOrThrow({ where: { id: qrCodeId } });
    expect(renewed.expiresAt!.getTime()).toBeGreaterThan(first.expiresAt!.getTime());
    const expired = await listPromoterCodes(accountId, promoterId, new Date(Date.now() + 3 * 86400_000));
    expect(expired.find((c) => c.id === qrCodeId)?.status).toBe("expired");
  });

  it("counts permanent codes against the 100,000 budget, temporary ones not", async () => {
    const { promoterId } = await createPromoter(accountId, { name: "庚" }, actor);
    await addQrCode(accountId, promoterId, { kind: "QR_LIMIT_STR_SCENE" }, actor);
    await addQrCode(accountId, promoterId, { kind: "QR_SCENE" }, actor);
    expect(await permanentBudget(db(), accountId)).toEqual({ used: 2, limit: PERMANENT_CODE_LIMIT, left: PERMANENT_CODE_LIMIT - 2 });
  });
});
