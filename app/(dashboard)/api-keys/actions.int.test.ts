import { beforeEach, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ requireUser: vi.fn() }));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const bearer = (key: string) => new Request("http://app/api/v1/promoters", { headers: { authorization: `Bearer ${key}` } });

beforeEach(async () => {
  await resetDatabase();
  const admin = await db().user.create({ data: { email: "admin@example.com", passwordHash: "x", role: "admin" } });
  vi.mocked(requireUser).mockReset().mockResolvedValue({ id: admin.id, email: admin.email, name: "", role: "admin" });
});

describe("API key actions", () => {
  it("create: admin only, returns the key once, bound to the chosen account", async () => {
    const account = await db().account.create({ data: { name: "一号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
    const result = await createApiKeyAction(form({ name: "CRM", accountId: account.id }));
    expect(requireUser).toHaveBeenCalledWith("manage-users");
    if (!result.ok) throw new Error("expected ok");
    expect(result.key).toMatch(/^sk_/);
    expect((await authenticateApiKey(bearer(result.key)))?.account.id).toBe(account.id);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "apikey.create" } })).toMatchObject({ actor: "admin@example.com" });
  });

  it("create: an account is required; scope and expiry are kept; bad input maps to field errors and creates nothing", async () => {
    const account = await db().account.create({ data: { name: "一号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
    expect(await createApiKeyAction(form({ name: "Any", accountId: "" }))).toEqual({ ok: false, errors: { accountId: "accountRequired" } });
    expect(await createApiKeyAction(form({ name: "" , accountId: account.id }))).toEqual({ ok: false, errors: { name: "nameRequired" } });
    expect(await createApiKeyAction(form({ name: "x".repeat(61), accountId: account.id }))).toEqual({ ok: false, errors: { name: "nameLong" } });
    expect(await createApiKeyAction(form({ name: "k", accountId: "missing" }))).toEqual({ ok: false, errors: { accountId: "unknownAccount" } });
    expect(await createApiKeyAction(form({ name: "k", accountId: account.id, scope: "all" }))).toEqual({ ok: false, errors: { scope: "scopeInvalid" } });
    expect(await createApiKeyAction(form({ name: "k", accountId: account.id, expiresAt: "2001-01-01" }))).toEqual({ ok: false, errors: { expiresAt: "expiresInvalid" } });
    expect(await db().apiKey.count()).toBe(0);
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(await createApiKeyAction(form({ name: "k", accountId: account.id, scope: "read-write", expiresAt }))).toMatchObject({ ok: true });
    expect(await db().apiKey.findFirstOrThrow()).toMatchObject({ accountId: account.id, scope: "read-write", expiresAt: new Date(`${expiresAt}T00:00:00Z`) });
  });

  it("revoke: the key stops working; unknown ids are refused", async () => {
    const account = await db().account.create({ data: { name: "一号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
    const created = await createApiKeyAction(form({ name: "k", accountId: account.id }));
    if (!created.ok) throw new Error("expected ok");
    const { id } = await db().apiKey.findFirstOrThrow();
    expect(await revokeApiKeyAction(id)).toEqual({ ok: true });
    expect(requireUser).toHaveBeenLastCalledWith("manage-users");
    expect(await authenticateApiKey(bearer(created.key))).toBeNull();
    expect(await revokeApiKeyAction("nope")).toEqual({ ok: false });
  });

  it("does nothing when the permission check refuses", async () => {
    vi.mocked(requireUser).mockRejectedValue(new Error("NEXT_HTTP_ERROR_FALLBACK;403"));
    await expect(createApiKeyAction(form({ name: "k" }))).rejects.toThrow("403");
    expect(await db().apiKey.count()).toBe(0);
  });
});
