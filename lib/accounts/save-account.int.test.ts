import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { authSecret } from "@/lib/auth/auth-secret";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { AppIdTakenError, clearPreviousAesKey, createAccount, updateAccount } from "./save-account";

const actor = { email: "ops@example.com" };
const KEY_A = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const KEY_B = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
const input = { name: "服务号", appId: "wx0123456789abcdef", appSecret: "0123456789abcdef0123456789abcdef", token: "tok123", encodingAesKey: KEY_A, mode: "safe" };

const secretOf = async (id: string) => (await db().account.findUniqueOrThrow({ where: { id }, omit: { appSecretEnc: false } })).appSecretEnc;

describe("saving accounts", () => {
  beforeEach(resetDatabase);

  it("encrypts the AppSecret at rest and keeps it out of default selects", async () => {
    const account = await createAccount(input, actor);
    const sealed = await secretOf(account.id);
    expect(sealed).not.toContain(input.appSecret);
    expect(openSecret(sealed, authSecret())).toBe(input.appSecret);
    expect(await db().account.findFirst()).not.toHaveProperty("appSecretEnc");
    expect(await db().auditLog.count({ where: { action: "account.create" } })).toBe(1);
  });

  it("keeps the stored AppSecret when the field is left blank, and drops the token when it changes", async () => {
    const account = await createAccount(input, actor);
    const sealed = await secretOf(account.id);
    await db().accessToken.create({ data: { accountId: account.id, token: "T", expiresAt: new Date(Date.now() + 3600_000) } });
    await updateAccount(account.id, { ...input, appSecret: "", name: "新名字" }, actor);
    expect(await secretOf(account.id)).toBe(sealed);
    expect(await db().accessToken.count()).toBe(1);
    await updateAccount(account.id, { ...input, appSecret: "ffffffffffffffffffffffffffffffff" }, actor);
    expect(openSecret(await secretOf(account.id), authSecret())).toBe("ffffffffffffffffffffffffffffffff");
    expect(await db().accessToken.count()).toBe(0);
  });

  it("keeps the replaced EncodingAESKey as the previous one until it is removed", async () => {
    const account = await createAccount(input, actor);
    await updateAccount(account.id, { ...input, appSecret: "", encodingAesKey: KEY_B }, actor);
    expect(await db().account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ encodingAesKey: KEY_B, previousEncodingAesKey: KEY_A });
    await updateAccount(account.id, { ...input, appSecret: "", encodingAesKey: KEY_B, name: "again" }, actor);
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).previousEncodingAesKey).toBe(KEY_A);
    await clearPreviousAesKey(account.id, actor);
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).previousEncodingAesKey).toBeNull();
  });

  it("refuses invalid input and a taken AppID without writing", async () => {
    await expect(createAccount({ ...input, encodingAesKey: "" }, actor)).rejects.toBeInstanceOf(ZodError); // safe mode needs a key
    await expect(createAccount({ ...input, appId: "wx123" }, actor)).rejects.toBeInstanceOf(ZodError);
    await expect(createAccount({ ...input, timezone: "Mars/Base" }, actor)).rejects.toBeInstanceOf(ZodError);
    expect(await db().account.count()).toBe(0);
    await createAccount(input, actor);
    await expect(createAccount(input, actor)).rejects.toBeInstanceOf(AppIdTakenError);
    expect(await db().account.count()).toBe(1);
  });
});
