import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { resetDatabase } from "@/test/reset-database";
import { getAccessToken, invalidateAccessToken, withAccessToken } from "./access-token";
import { createPermanentQrCode } from "./create-qrcode";
import { startSimulator, type RunningSimulator } from "./simulator/start-simulator";
import { WechatApiError, WechatNetworkError } from "./wechat-error";

const APP_ID = "wx1234567890abcdef";
const SECRET = "0123456789abcdef0123456789abcdef";
const STABLE = "/cgi-bin/stable_token";

let simulator: RunningSimulator;
let accountId: string;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appId: APP_ID, secret: SECRET }] });
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await resetDatabase();
  simulator.state.invalidateTokens();
  const account = await db().account.create({
    data: { name: "测试号", appId: APP_ID, appSecretEnc: sealSecret(SECRET, authSecret()), tokenEnc: "x" },
  });
  accountId = account.id;
});

describe("getAccessToken", () => {
  it("fetches a stable token once, stores it, and reuses the stored token", async () => {
    const before = simulator.state.callCount(STABLE);
    const token = await getAccessToken(accountId);
    expect(await getAccessToken(accountId)).toBe(token);
    expect(simulator.state.callCount(STABLE) - before).toBe(1);
    const stored = await db().accessToken.findUniqueOrThrow({ where: { accountId } });
    expect(stored.token).toBe(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(7000 * 1000);
  });

  it("shares one fetch among 20 concurrent callers", async () => {
    const before = simulator.state.callCount(STABLE);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => getAccessToken(accountId)));
    expect(new Set(tokens).size).toBe(1);
    expect(simulator.state.callCount(STABLE) - before).toBe(1);
  });

  it("refetches when the stored token has less than five minutes left", async () => {
    await db().accessToken.create({ data: { accountId, token: "about-to-expire", expiresAt: new Date(Date.now() + 4 * 60 * 1000) } });
    const token = await getAccessToken(accountId);
    expect(token).not.toBe("about-to-expire");
    expect((await db().accessToken.findUniqueOrThrow({ where: { accountId } })).token).toBe(token);
  });

  it("reports a wrong AppSecret as WechatApiError 40125", async () => {
    await db().account.update({ where: { id: accountId }, data: { appSecretEnc: sealSecret("f".repeat(32), authSecret()) } });
    const error = await getAccessToken(accountId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).errcode).toBe(40125);
    expect((error as Error).message).not.toContain("f".repeat(32));
  });

  it("answers callers in the next 3 s of an unreachable WeChat with the same error, then asks again", async () => {
    const gone = await startSimulator();
    await gone.close();
    process.env.WECHAT_API_BASE = gone.url;
    resetEnvForTests();
    const first = await getAccessToken(accountId).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(WechatNetworkError);
    process.env.WECHAT_API_BASE = simulator.url;
    resetEnvForTests();
    const before = simulator.state.callCount(STABLE);
    expect(await getAccessToken(accountId).catch((e: unknown) => e)).toBe(first);
    expect(simulator.state.callCount(STABLE)).toBe(before);
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + 3100);
    try {
      expect(await getAccessToken(accountId)).toEqual(expect.any(String));
    } finally {
      vi.restoreAllMocks();
    }
    expect(simulator.state.callCount(STABLE) - before).toBe(1);
  });
});

describe("invalidateAccessToken", () => {
  it("does not delete a newer token when the failed one is stale", async () => {
    const current = await getAccessToken(accountId);
    await invalidateAccessToken(accountId, "an-older-token");
    expect((await db().accessToken.findUniqueOrThrow({ where: { accountId } })).token).toBe(current);
    await invalidateAccessToken(accountId, current);
    expect(await db().accessToken.findUnique({ where: { accountId } })).toBeNull();
  });
});

describe("withAccessToken", () => {
  it("refreshes once after a token error and retries with the new token", async () => {
    const first = await getAccessToken(accountId);
    simulator.state.invalidateTokens();
    const seen: string[] = [];
    const result = await withAccessToken(accountId, async (token) => {
      seen.push(token);
      if (token === first) throw new WechatApiError(40001, "invalid credential");
      return "done";
    });
    expect(result).toBe("done");
    expect(seen).toHaveLength(2);
    expect(seen[1]).not.toBe(first);
  });

  it("lets 30 concurrent API calls that hit an invalidated token share one refresh", async () => {
    await getAccessToken(accountId);
    simulator.state.invalidateTokens();
    const before = simulator.state.callCount(STABLE);
    const codes = await Promise.all(Array.from({ length: 30 }, (_, i) => createPermanentQrCode(accountId, i + 1)));
    expect(codes.every((c) => c.url.includes("weixin.qq.com/q/"))).toBe(true);
    expect(simulator.state.callCount(STABLE) - before).toBe(1);
  });

  it("gives up after one refresh", async () => {
    let calls = 0;
    const failing = withAccessToken(accountId, async () => {
      calls += 1;
      throw new WechatApiError(42001, "access_token expired");
    });
    await expect(failing).rejects.toMatchObject({ errcode: 42001 });
    expect(calls).toBe(2);
  });

  it("retries 'system busy' twice with backoff", async () => {
    let calls = 0;
    const started = Date.now();
    const busy = withAccessToken(accountId, async () => {
      calls += 1;
      throw new WechatApiError(-1, "system error");
    });
    await expect(busy).rejects.toMatchObject({ errcode: -1 });
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    const quota = withAccessToken(accountId, async () => {
      calls += 1;
      throw new WechatApiError(45009, "reach max api daily quota limit");
    });
    await expect(quota).rejects.toMatchObject({ errcode: 45009 });
    expect(calls).toBe(1);
  });
});
