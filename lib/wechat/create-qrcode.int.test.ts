import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { authSecret } from "@/lib/auth/auth-secret";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { resetDatabase } from "@/test/reset-database";
import { createPermanentQrCode, createQrCode } from "./create-qrcode";
import { startSimulator, type RunningSimulator } from "./simulator/start-simulator";
import { WechatApiError, wechatErrorHint, WechatNetworkError } from "./wechat-error";

const APP_ID = "wxfedcba0987654321";
const SECRET = "abcdefabcdefabcdefabcdefabcdef12";
const CREATE = "/cgi-bin/qrcode/create";

let simulator: RunningSimulator;
let accountId: string;

function useApiBase(url: string) {
  process.env.WECHAT_API_BASE = url;
  resetEnvForTests();
}

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await resetDatabase();
  useApiBase(simulator.url);
  const account = await db().account.create({
    data: { name: "服务号", appId: APP_ID, appSecretEnc: sealSecret(SECRET, authSecret()), tokenEnc: "x" },
  });
  accountId = account.id;
});

describe("createPermanentQrCode", () => {
  it("returns a ticket and a weixin.qq.com/q/ url the simulator remembers", async () => {
    const code = await createPermanentQrCode(accountId, 12);
    expect(code.url).toMatch(/^http:\/\/weixin\.qq\.com\/q\/\S+$/);
    expect(code.ticket).not.toBe("");
    expect(simulator.state.tickets.get(code.ticket)).toMatchObject({ appId: APP_ID, action: "QR_LIMIT_SCENE", scene: "12" });
    expect(await createPermanentQrCode(accountId, 12)).toEqual(code);
  });

  it("refreshes the token once after WeChat invalidated it, then succeeds", async () => {
    await createPermanentQrCode(accountId, 1);
    const stableBefore = simulator.state.callCount("/cgi-bin/stable_token");
    const createBefore = simulator.state.callCount(CREATE);
    simulator.state.invalidateTokens();
    const code = await createPermanentQrCode(accountId, 2);
    expect(code.url).toContain("weixin.qq.com/q/");
    expect(simulator.state.callCount("/cgi-bin/stable_token") - stableBefore).toBe(1);
    expect(simulator.state.callCount(CREATE) - createBefore).toBe(2);
  });

  it.each([45009, 48001])("turns errcode %i into a WechatApiError with a hint", async (errcode) => {
    simulator.state.failNext(errcode, 1, CREATE);
    const error = await createPermanentQrCode(accountId, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).errcode).toBe(errcode);
    expect((error as WechatApiError).hint).toEqual(wechatErrorHint(errcode));
  });

  it("retries when WeChat is busy", async () => {
    simulator.state.failNext(-1, 2, CREATE);
    expect((await createPermanentQrCode(accountId, 4)).url).toContain("weixin.qq.com/q/");
  });

  it("rejects scene ids outside 1..100000 without calling WeChat", async () => {
    const before = simulator.state.callCount(CREATE);
    for (const sceneId of [0, -1, 100_001, 1.5, Number.NaN]) {
      await expect(createPermanentQrCode(accountId, sceneId)).rejects.toBeInstanceOf(ZodError);
    }
    expect(simulator.state.callCount(CREATE)).toBe(before);
  });

  it("reports an unreachable API as WechatNetworkError naming the base URL, not the token", async () => {
    const gone = await startSimulator();
    await gone.close();
    useApiBase(gone.url);
    await db().accessToken.create({ data: { accountId, token: "secret-token-value", expiresAt: new Date(Date.now() + 3600_000) } });
    const error = await createPermanentQrCode(accountId, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatNetworkError);
    expect((error as Error).message).toContain(gone.url);
    expect((error as Error).message).not.toContain("secret-token-value");
  });
});

describe("createQrCode", () => {
  it("creates permanent string codes and temporary codes with their lifetime", async () => {
    const str = await createQrCode(accountId, { action: "QR_LIMIT_STR_SCENE", sceneStr: "p_0012" });
    expect(str.expireSeconds).toBeUndefined();
    expect(simulator.state.tickets.get(str.ticket)?.scene).toBe("p_0012");
    const temp = await createQrCode(accountId, { action: "QR_SCENE", sceneId: 123456, expireSeconds: 3600 });
    expect(temp.expireSeconds).toBe(3600);
    const tempStr = await createQrCode(accountId, { action: "QR_STR_SCENE", sceneStr: "event", expireSeconds: 2_592_000 });
    expect(tempStr.expireSeconds).toBe(2_592_000);
    expect(simulator.state.tickets.get(tempStr.ticket)?.expiresAt).toBeGreaterThan(Date.now());
  });

  it("validates scene strings and lifetimes", async () => {
    await expect(createQrCode(accountId, { action: "QR_LIMIT_STR_SCENE", sceneStr: "" })).rejects.toBeInstanceOf(ZodError);
    await expect(createQrCode(accountId, { action: "QR_LIMIT_STR_SCENE", sceneStr: "x".repeat(65) })).rejects.toBeInstanceOf(ZodError);
    await expect(createQrCode(accountId, { action: "QR_SCENE", sceneId: 1, expireSeconds: 59 })).rejects.toBeInstanceOf(ZodError);
    await expect(createQrCode(accountId, { action: "QR_STR_SCENE", sceneStr: "a", expireSeconds: 2_592_001 })).rejects.toBeInstanceOf(ZodError);
  });
});
