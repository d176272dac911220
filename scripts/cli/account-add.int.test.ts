import { beforeEach, describe, expect, it, vi } from "vitest";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { sealSecret } from "@/lib/crypto/secret-box";
import { authSecret } from "@/lib/auth/auth-secret";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { accountAdd } from "./account-add";

// account:add's 消息转发 flags on an existing account (its secrets are kept when none are given).
const APP_ID = "wx00000000cliforwd";

beforeEach(async () => {
  await resetDatabase();
  await db().account.create({ data: { name: "CLI 号", appId: APP_ID, appSecretEnc: sealSecret("a".repeat(32), authSecret()), ...sealAccountSecrets({ token: "clitoken" }) } });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
const stored = () => db().account.findUniqueOrThrow({ where: { appId: APP_ID }, select: { forwardUrl: true, forwardTimeoutMs: true, forwardTokenEnc: true } });

describe("account:add --forward-url", () => {
  it("turns forwarding on with a timeout, and --no-forward turns it off", async () => {
    await accountAdd({ appid: APP_ID, "forward-url": "https://backend.example.com/wechat", "forward-timeout": "1500" });
    expect(await stored()).toEqual({ forwardUrl: "https://backend.example.com/wechat", forwardTimeoutMs: 1500, forwardTokenEnc: null });
    await accountAdd({ appid: APP_ID, "no-forward": true });
    expect((await stored()).forwardUrl).toBeNull();
  });

  it("refuses a bad URL or timeout with the flag's name, and a secret on the command line", async () => {
    await expect(accountAdd({ appid: APP_ID, "forward-url": "not a url" })).rejects.toThrow(/--forward-url: urlInvalid/);
    await expect(accountAdd({ appid: APP_ID, "forward-url": "https://b.example.com", "forward-timeout": "99" })).rejects.toThrow(/--forward-timeout/);
    await expect(accountAdd({ appid: APP_ID, "forward-url": "https://b.example.com", "forward-token": "secret" })).rejects.toThrow(/FORWARD_TOKEN=… with --stdin/);
    expect((await stored()).forwardUrl).toBeNull();
    expect(await db().auditLog.count()).toBe(0); // nothing was written, not even the account
  });
});
