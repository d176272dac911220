import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey, listApiKeys, revokeApiKey, UnknownAccountError } from "./create-api-key";
import { hashApiKey } from "./hash-api-key";

const bearer = (key: string, scheme = "Bearer") => new Request("http://app/api/v1/promoters", { headers: { authorization: `${scheme} ${key}` } });
const account = (name: string, appId: string, createdAt = new Date()) => db().account.create({ data: { name, appId, appSecretEnc: "x", tokenEnc: "x", createdAt } });
const user = (email: string, data: { role?: string; allAccounts?: boolean } = {}) => db().user.create({ data: { email, passwordHash: "x", ...data } });

let accountId = "";
beforeEach(async () => {
  await resetDatabase();
  accountId = (await account("一号", "wx0000000000000001")).id;
});

describe("createApiKey", () => {
  it("stores only the hash and prefix, audits, and returns the key once", async () => {
    const created = await createApiKey({ name: " CRM sync ", accountId }, { email: "ops@example.com" });
    expect(created.key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "CRM sync", prefix: created.key.slice(0, 11), accountId, scope: "read", expiresAt: null });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id }, omit: { keyHash: false } });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "apikey.create" } });
    expect(audit).toMatchObject({ actor: "ops@example.com", targetId: created.id });
    expect(audit.detail).not.toContain(created.key);
  });

  it("requires an account (no first-account fallback) and validates name, scope and expiry", async () => {
    const refused = async (input: Record<string, unknown>) => createApiKey(input, { email: "cli" }).then(() => "created", (e) => e);
    expect(await refused({ name: "k" })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "k", accountId: "" })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "", accountId })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "x".repeat(61), accountId })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "k", accountId, scope: "admin" })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "k", accountId, expiresAt: "2020-01-01" })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "k", accountId, expiresAt: "soon" })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "k", accountId, expiresAt: "2099-01-01" })).toBeInstanceOf(ZodError);
    expect(await refused({ name: "k", accountId: "nope" })).toBeInstanceOf(UnknownAccountError);
    expect(await db().apiKey.count()).toBe(0);
  });

  it("lists keys without hashes and revokes once", async () => {
    const created = await createApiKey({ name: "k", accountId, scope: "read-write", expiresAt: "2030-01-01" }, { email: "cli" });
    const [listed] = await listApiKeys();
    expect(listed).toMatchObject({ id: created.id, prefix: created.prefix, scope: "read-write", expiresAt: new Date("2030-01-01T00:00:00Z"), revokedAt: null });
    expect(listed).not.toHaveProperty("keyHash");
    const first = await revokeApiKey(created.id, { email: "cli" });
    const second = await revokeApiKey(created.id, { email: "cli" });
    expect(second.revokedAt).toEqual(first.revokedAt);
    expect(await db().auditLog.count({ where: { action: "apikey.revoke" } })).toBe(1);
  });
});

describe("authenticateApiKey", () => {
  it("resolves a key to the account it is bound to", async () => {
    const second = await account("二号", "wx0000000000000002", new Date("2026-02-01T00:00:00Z"));
    const bound = await createApiKey({ name: "bound", accountId: second.id }, { email: "cli" });
    expect((await authenticateApiKey(bearer(bound.key)))?.account).toMatchObject({ id: second.id, timezone: "Asia/Shanghai" });
    expect((await authenticateApiKey(bearer(`  ${bound.key}  `, "BEARER")))?.key).toEqual({ id: bound.id, name: "bound", prefix: bound.prefix, accountId: second.id, scope: "read" });
  });

  it("refuses missing, unknown, malformed, revoked and expired keys", async () => {
    const created = await createApiKey({ name: "k", accountId }, { email: "cli" });
    expect(await authenticateApiKey(new Request("http://app/"))).toBeNull();
    expect(await authenticateApiKey(bearer(`sk_${"A".repeat(43)}`))).toBeNull();
    expect(await authenticateApiKey(bearer("not-a-key"))).toBeNull();
    expect(await authenticateApiKey(bearer(created.key, "Basic"))).toBeNull();
    const expiring = await createApiKey({ name: "e", accountId, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, { email: "cli" });
    expect(await authenticateApiKey(bearer(expiring.key))).not.toBeNull();
    expect(await authenticateApiKey(bearer(expiring.key), new Date(Date.now() + 3_600_001))).toBeNull();
    await revokeApiKey(created.id, { email: "cli" });
    expect(await authenticateApiKey(bearer(created.key))).toBeNull();
  });

  it("acts with at most its creator's rights: disabled or moved off the account stops it, a viewer's key only reads", async () => {
    const creator = await user("admin@example.com", { role: "admin" });
    const created = await createApiKey({ name: "k", accountId, scope: "read-write" }, { email: creator.email, id: creator.id });
    expect((await authenticateApiKey(bearer(created.key)))?.key.scope).toBe("read-write");
    await db().user.update({ where: { id: creator.id }, data: { role: "viewer" } });
    expect((await authenticateApiKey(bearer(created.key)))?.key.scope).toBe("read");
    await db().user.update({ where: { id: creator.id }, data: { allAccounts: false } });
    expect(await authenticateApiKey(bearer(created.key))).toBeNull();
    await db().userAccount.create({ data: { userId: creator.id, accountId } });
    expect(await authenticateApiKey(bearer(created.key))).not.toBeNull();
    await db().user.update({ where: { id: creator.id }, data: { disabledAt: new Date() } });
    expect(await authenticateApiKey(bearer(created.key))).toBeNull();
  });

  it("updates lastUsedAt at most once a minute", async () => {
    const created = await createApiKey({ name: "k", accountId }, { email: "cli" });
    const lastUsed = async () => (await db().apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    await authenticateApiKey(bearer(created.key));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await authenticateApiKey(bearer(created.key));
    expect(await lastUsed()).toEqual(first);
    await db().apiKey.update({ where: { id: created.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await authenticateApiKey(bearer(created.key));
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });
});
