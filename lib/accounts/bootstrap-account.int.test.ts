import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { resetDatabase } from "@/test/reset-database";
import { openAccountSecrets } from "./account-secrets";
import { bootstrapAccountFromEnv } from "./bootstrap-account";

const VARS = { WECHAT_APP_ID: "wx0b0075ea7c0ffee1", WECHAT_APP_SECRET: "0123456789abcdef0123456789abcdef", WECHAT_TOKEN: "bootstraptoken" };

describe("the account from WECHAT_* variables", () => {
  beforeEach(async () => {
    await resetDatabase();
    Object.assign(process.env, VARS);
    resetEnvForTests();
  });
  afterEach(() => {
    for (const name of Object.keys(VARS)) delete process.env[name];
    resetEnvForTests();
  });

  it("is created once when two instances start at the same moment, and neither start fails", async () => {
    const results = await Promise.all([bootstrapAccountFromEnv(), bootstrapAccountFromEnv()]);
    expect(results.sort()).toEqual(["created", "updated"]);
    const accounts = await db().account.findMany({ where: { appId: VARS.WECHAT_APP_ID }, select: { tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true } });
    expect(accounts).toHaveLength(1);
    expect(openAccountSecrets(accounts[0]).token).toBe(VARS.WECHAT_TOKEN);
  });
});
