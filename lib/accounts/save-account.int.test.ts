import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { authSecret } from "@/lib/auth/auth-secret";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { openAccountSecrets } from "./account-secrets";
import { AppIdTakenError, clearPreviousAesKey, createAccount, updateAccount } from "./save-account";

const actor = { email: "ops@example.com" };
const KEY_A = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const KEY_B = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
const input = { name: "服务号", appId: "wx0123456789abcdef", appSecret: "0123456789abcdef0123456789abcdef", token: "tok123", encodingAesKey: KEY_A, mode: "safe" };

const stored = async (id: string) =>
  openAccountSecrets(await db().account.findUniqueOrThrow({ where: { id }, select: { tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true } }));
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
    expect(await stored(account.id)).toMatchObject({ encodingAesKey: KEY_B, previousEncodingAesKey: KEY_A });
    await updateAccount(account.id, { ...input, appSecret: "", encodingAesKey: KEY_B, name: "again" }, actor);
    expect((await stored(account.id)).previousEncodingAesKey).toBe(KEY_A);
    await clearPreviousAesKey(account.id, actor);
    expect((await stored(account.id)).previousEncodingAesKey).toBeNull();
  });

  it("seals the Token and the keys at rest, each under its own key, out of default selects", async () => {
    const account = await createAccount(input, actor);
    await updateAccount(account.id, { ...input, encodingAesKey: KEY_B }, actor);
    const row = await db().account.findUniqueOrThrow({ where: { id: account.id }, omit: { tokenEnc: false, encodingAesKeyEnc: false, previousEncodingAesKeyEnc: false } });
    const raw = JSON.stringify(row);
    for (const secret of [input.token, KEY_A, KEY_B]) expect(raw).not.toContain(secret);
    expect(row.tokenEnc).toMatch(/^v1\./);
    expect(() => openSecret(row.tokenEnc, authSecret())).toThrow(); // not under the AppSecret's key
    expect(await stored(account.id)).toEqual({ token: input.token, encodingAesKey: KEY_B, previousEncodingAesKey: KEY_A });
    const plain = JSON.stringify(await db().account.findFirst());
    expect(plain).not.toContain("tokenEnc");
    expect(plain).not.toContain("encodingAesKeyEnc");
  });

  it("treats blank secrets as kept, and deletes the key only on request and only in plain mode", async () => {
    const account = await createAccount(input, actor);
    await updateAccount(account.id, { ...input, token: "", encodingAesKey: "", appSecret: "" }, actor);
    expect(await stored(account.id)).toMatchObject({ token: input.token, encodingAesKey: KEY_A });
    await updateAccount(account.id, { ...input, token: "newtoken42" }, actor);
    expect((await stored(account.id)).token).toBe("newtoken42");
    await expect(updateAccount(account.id, { ...input, clearEncodingAesKey: "on" }, actor)).rejects.toBeInstanceOf(ZodError); // safe mode
    expect((await stored(account.id)).encodingAesKey).toBe(KEY_A);
    await updateAccount(account.id, { ...input, mode: "plain", clearEncodingAesKey: "on" }, actor);
    expect((await stored(account.id)).encodingAesKey).toBeNull();
    const audit = await db().auditLog.findMany({ where: { action: "account.update" } });
    expect(JSON.stringify(audit)).not.toContain("newtoken42");
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
