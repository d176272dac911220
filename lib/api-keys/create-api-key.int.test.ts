import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { authenticateApiKey, NoAccountError } from "./authenticate-api-key";
import { createApiKey, listApiKeys, revokeApiKey, UnknownAccountError } from "./create-api-key";
import { hashApiKey } from "./hash-api-key";

const bearer = (key: string, scheme = "Bearer") => new Request("http://app/api/v1/promoters", { headers: { authorization: `${scheme} ${key}` } });
const account = (name: string, appId: string, createdAt = new Date()) => db().account.create({ data: { name, appId, appSecretEnc: "x", tokenEnc: "x", createdAt } });

beforeEach(resetDatabase);

describe("createApiKey", () => {
  it("stores only the hash and prefix, audits, and returns the key once", async () => {
    const created = await createApiKey({ name: " CRM sync " }, { email: "ops@example.com" });
    expect(created.key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "CRM sync", prefix: created.key.slice(0, 11), accountId: null });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id }, omit: { keyHash: false } });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "apikey.create" } });
    expect(audit).toMatchObject({ actor: "ops@example.com", targetId: created.id });
    expect(audit.detail).not.toContain(created.key);
  });

  it("validates the name and the bound account", async () => {
    await expect(createApiKey({ name: "" }, { email: "cli" })).rejects.toBeInstanceOf(ZodError);
    await expect(createApiKey({ name: "x".repeat(61) }, { email: "cli" })).rejects.toBeInstanceOf(ZodError);
    await expect(createApiKey({ name: "k", accountId: "nope" }, { email: "cli" })).rejects.toBeInstanceOf(UnknownAccountError);
    expect(await db().apiKey.count()).toBe(0);
  });

  it("lists keys without hashes and revokes once", async () => {
    const created = await createApiKey({ name: "k" }, { email: "cli" });
    const [listed] = await listApiKeys();
    expect(listed).toMatchObject({ id: created.id, prefix: created.prefix, revokedAt: null });
    expect(listed).not.toHaveProperty("keyHash");
    const first = await revokeApiKey(created.id, { email: "cli" });
    const second = await revokeApiKey(created.id, { email: "cli" });
    expect(second.revokedAt).toEqual(first.revokedAt);
    expect(await db().auditLog.count({ where: { action: "apikey.revoke" } })).toBe(1);
  });
});

describe("authenticateApiKey", () => {
  it("resolves a bound key to its account and an unbound key to the first account", async () => {
    const second = await account("二号", "wx0000000000000002", new Date("2026-02-01T00:00:00Z"));
    const first = await account("一号", "wx0000000000000001", new Date("2026-01-01T00:00:00Z"));
    const bound = await createApiKey({ name: "bound", accountId: second.id }, { email: "cli" });
    const unbound = await createApiKey({ name: "unbound" }, { email: "cli" });
    expect((await authenticateApiKey(bearer(bound.key)))?.account).toMatchObject({ id: second.id, timezone: "Asia/Shanghai" });
    expect((await authenticateApiKey(bearer(unbound.key, "bearer")))?.account.id).toBe(first.id);
    expect((await authenticateApiKey(bearer(`  ${unbound.key}  `, "BEARER")))?.key).toEqual({ id: unbound.id, name: "unbound", prefix: unbound.prefix, accountId: null });
  });

  it("refuses missing, unknown, malformed and revoked keys", async () => {
    await account("一号", "wx0000000000000001");
    const created = await createApiKey({ name: "k" }, { email: "cli" });
    expect(await authenticateApiKey(new Request("http://app/"))).toBeNull();
    expect(await authenticateApiKey(bearer(`sk_${"A".repeat(43)}`))).toBeNull();
    expect(await authenticateApiKey(bearer("not-a-key"))).toBeNull();
    expect(await authenticateApiKey(bearer(created.key, "Basic"))).toBeNull();
    await revokeApiKey(created.id, { email: "cli" });
    expect(await authenticateApiKey(bearer(created.key))).toBeNull();
  });

  it("throws NoAccountError for a valid key when no account is connected", async () => {
    const created = await createApiKey({ name: "k" }, { email: "cli" });
    await expect(authenticateApiKey(bearer(created.key))).rejects.toBeInstanceOf(NoAccountError);
  });

  it("updates lastUsedAt at most once a minute", async () => {
    await account("一号", "wx0000000000000001");
    const created = await createApiKey({ name: "k" }, { email: "cli" });
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
