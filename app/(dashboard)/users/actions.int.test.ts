import { beforeEach, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { changeUserRoleAction, inviteUserAction, resetUserPasswordAction, setUserDisabledAction } from "./actions";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ requireUser: vi.fn() }));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await db().user.create({ data: { email: "admin@example.com", passwordHash: "x", role: "admin" } })).id;
  vi.mocked(requireUser).mockReset().mockResolvedValue({ id: adminId, email: "admin@example.com", name: "", role: "admin" });
});

describe("user actions", () => {
  it("invite with a generated password: admin only, the password is returned once and works", async () => {
    const result = await inviteUserAction(form({ email: "v@example.com", role: "viewer", passwordMode: "generate" }));
    expect(requireUser).toHaveBeenCalledWith("manage-users");
    expect(result).toMatchObject({ ok: true, email: "v@example.com" });
    const password = (result as { temporaryPassword: string }).temporaryPassword;
    expect(await authenticate({ email: "v@example.com", password }, null)).toMatchObject({ ok: true, user: { role: "viewer" } });
  });

  it("maps invalid input and duplicates to field errors", async () => {
    expect(await inviteUserAction(form({ email: "nope" }))).toEqual({ ok: false, errors: { email: "emailInvalid" } });
    expect(await inviteUserAction(form({ email: "ADMIN@example.com" }))).toEqual({ ok: false, errors: { email: "emailTaken" } });
    expect(await inviteUserAction(form({ email: "x@example.com", passwordMode: "custom", password: "short" }))).toEqual({ ok: false, errors: { password: "passwordShort" } });
  });

  it("maps the guard rails to error keys and changes nothing", async () => {
    expect(await changeUserRoleAction(adminId, "viewer")).toEqual({ ok: false, error: "self" });
    expect(await setUserDisabledAction(adminId, true)).toEqual({ ok: false, error: "self" });
    vi.mocked(requireUser).mockResolvedValue({ id: "someone-else", email: "cli", name: "", role: "admin" });
    expect(await setUserDisabledAction(adminId, true)).toEqual({ ok: false, error: "lastAdmin" });
    expect(await resetUserPasswordAction("missing")).toEqual({ ok: false, error: "notFound" });
    expect(await db().user.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({ role: "admin", disabledAt: null });
  });

  it("changes role, disables and resets another user", async () => {
    const invited = await inviteUserAction(form({ email: "v@example.com", role: "viewer" }));
    const { id } = await db().user.findUniqueOrThrow({ where: { email: "v@example.com" } });
    expect(await changeUserRoleAction(id, "admin")).toEqual({ ok: true });
    expect(await setUserDisabledAction(id, true)).toEqual({ ok: true });
    const reset = await resetUserPasswordAction(id);
    expect(reset).toMatchObject({ ok: true, email: "v@example.com" });
    expect((reset as { temporaryPassword: string }).temporaryPassword).not.toBe((invited as { temporaryPassword: string }).temporaryPassword);
    expect(await db().user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "admin", disabledAt: expect.any(Date) });
  });
});
