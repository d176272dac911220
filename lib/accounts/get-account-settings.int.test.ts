import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { sealAccountSecrets } from "./account-secrets";
import { getAccountSettings } from "./get-account-settings";
import { listAccounts } from "./list-accounts";
import { createAccount, updateAccount } from "./save-account";

const KEY_A = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const KEY_B = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
const input = { name: "服务号", appId: "wx0123456789abcdef", appSecret: "0123456789abcdef0123456789abcdef", token: "sekrittoken", encodingAesKey: KEY_A, mode: "safe" };
const SECRETS = [input.appSecret, input.token, KEY_A, KEY_B];

describe("what the settings page gets", () => {
  beforeEach(resetDatabase);

  it("gives a viewer no secret and nothing about them", async () => {
    const { id } = await createAccount(input, { email: "ops" });
    const settings = await getAccountSettings(id, "viewer");
    expect(settings.secrets).toBeNull();
    for (const s of SECRETS) expect(JSON.stringify(settings)).not.toContain(s);
  });

  it("gives an admin masks to recognise and replace them, never the values", async () => {
    const { id } = await createAccount(input, { email: "ops" });
    await updateAccount(id, { ...input, encodingAesKey: KEY_B }, { email: "ops" });
    const settings = await getAccountSettings(id, "admin");
    expect(settings.secrets).toEqual({
      unreadable: [],
      token: { set: true, length: input.token.length, last4: null },
      encodingAesKey: { set: true, length: 43, last4: KEY_B.slice(-4) },
      previousEncodingAesKey: { set: true, length: 43, last4: KEY_A.slice(-4) },
      previousKeyUsedAt: null, // no push has used the previous key yet
    });
    for (const s of SECRETS) expect(JSON.stringify(settings)).not.toContain(s);
  });

  it("the account list (layout, switcher, every page) carries no secret, sealed or not", async () => {
    await createAccount(input, { email: "ops" });
    const [account] = await listAccounts();
    expect(Object.keys(account).filter((k) => /token|key|secret/i.test(k))).toEqual([]);
  });
});

describe("secrets sealed under a former auth secret", () => {
  beforeEach(resetDatabase);

  it("show as unreadable, and the admin can enter them again", async () => {
    const { id } = await createAccount(input, { email: "ops" });
    const foreign = sealAccountSecrets({ token: "oldtoken", encodingAesKey: KEY_B }, "another-auth-secret-0123456789abcdef");
    await db().account.update({ where: { id }, data: foreign });
    const settings = await getAccountSettings(id, "admin");
    expect(settings.secrets?.unreadable).toEqual(["token", "encodingAesKey"]);
    expect(settings.secrets?.token.set).toBe(false);
    await expect(updateAccount(id, { ...input, token: "", encodingAesKey: "" }, { email: "ops" })).rejects.toBeInstanceOf(ZodError);
    await updateAccount(id, { ...input, token: "freshtoken", encodingAesKey: KEY_A }, { email: "ops" });
    expect((await getAccountSettings(id, "admin")).secrets?.unreadable).toEqual([]);
  });
});
