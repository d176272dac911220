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

  it("create: an empty binding means the first account; bad input maps to field errors", async () => {
    const unbound = await createApiKeyAction(form({ name: "Any", accountId: "" }));
    expect(unbound.ok && (await db().apiKey.findFirstOrThrow()).accountId).toBeNull();
    expect(await createApiKeyAction(form({ name: "" }))).toEqual({ ok: false, errors: { name: "nameRequired" } });
    expect(await createApiKeyAction(form({ name: "x".repeat(61) }))).toEqual({ ok: false, errors: { name: "nameLong" } });
    expect(await createApiKeyAction(form({ name: "k", accountId: "missing" }))).toEqual({ ok: false, errors: { accountId: "unknownAccount" } });
    expect(await db().apiKey.count()).toBe(1);
  });

  it("revoke: the key stops working; unknown ids are refused", async () => {
    await db().account.create({ data: { name: "一号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
    const created = await createApiKeyAction(form({ name: "k" }));
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
