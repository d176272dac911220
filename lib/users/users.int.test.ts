import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { createUser, EmailTakenError } from "@/lib/auth/create-user";
import { getCurrentUser } from "@/lib/auth/session";
import { claimAttempt, THROTTLE } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { LastAdminError, SelfChangeError } from "./admin-guard";
import { changeUserRole } from "./change-user-role";
import { inviteUser } from "./invite-user";
import { listUsers, protectedAdminIds } from "./list-users";
import { resetUserPassword } from "./reset-user-password";
import { setUserDisabled } from "./set-user-disabled";

vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: vi.fn() }));

const PASSWORD = "correct-horse-battery";
const signIn = (email: string, password = PASSWORD) => authenticate({ email, password }, null);

async function user(email: string, role: "admin" | "viewer" = "admin") {
  const created = await createUser({ email, password: PASSWORD, role }, { email: "cli" });
  return { id: created.id, email: created.email };
}

const audits = (action: string) => db().auditLog.findMany({ where: { action } });

beforeEach(resetDatabase);

describe("inviteUser", () => {
  it("creates a user with a temporary password that signs in, and audits", async () => {
    const admin = await user("admin@example.com");
    const { user: invited, temporaryPassword } = await inviteUser({ email: "New@Example.com", name: "小王", role: "viewer", passwordMode: "generate" }, admin);
    expect(invited).toMatchObject({ email: "new@example.com", role: "viewer" });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9-]{19}$/);
    expect(await signIn("new@example.com", temporaryPassword!)).toMatchObject({ ok: true });
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "user.create", targetId: invited.id } });
    expect(entry).toMatchObject({ actor: admin.email, userId: admin.id, targetId: invited.id });
    expect(entry.detail).not.toContain(temporaryPassword!);
  });

  it("takes a password the admin types, and refuses short passwords and duplicates", async () => {
    const admin = await user("admin@example.com");
    const { temporaryPassword } = await inviteUser({ email: "b@example.com", role: "admin", passwordMode: "custom", password: "typed-by-admin" }, admin);
    expect(temporaryPassword).toBeNull();
    expect(await signIn("b@example.com", "typed-by-admin")).toMatchObject({ ok: true, user: { role: "admin" } });
    await expect(inviteUser({ email: "c@example.com", passwordMode: "custom", password: "short" }, admin)).rejects.toBeInstanceOf(ZodError);
    await expect(inviteUser({ email: "B@example.com" }, admin)).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db().user.count()).toBe(2);
  });
});

describe("guard rails", () => {
  it("refuses self-demotion and self-disable, changing nothing", async () => {
    const admin = await user("admin@example.com");
    await user("other@example.com");
    await expect(changeUserRole(admin.id, "viewer", admin)).rejects.toBeInstanceOf(SelfChangeError);
    await expect(setUserDisabled(admin.id, true, admin)).rejects.toBeInstanceOf(SelfChangeError);
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", disabledAt: null });
    expect(await db().auditLog.count({ where: { action: { in: ["user.role", "user.disable"] } } })).toBe(0);
  });

  it("never demotes or disables the last active admin", async () => {
    const admin = await user("admin@example.com");
    const cli = { id: "cli", email: "cli" };
    await expect(changeUserRole(admin.id, "viewer", cli)).rejects.toBeInstanceOf(LastAdminError);
    await expect(setUserDisabled(admin.id, true, cli)).rejects.toBeInstanceOf(LastAdminError);
    const other = await user("other@example.com");
    await setUserDisabled(other.id, true, admin);
    await expect(setUserDisabled(admin.id, true, cli)).rejects.toBeInstanceOf(LastAdminError);
    expect(protectedAdminIds(await listUsers())).toEqual(new Set([admin.id]));
  });

  it("lets only one of two admins demoting each other at the same moment succeed", async () => {
    const a = await user("a@example.com");
    const b = await user("b@example.com");
    const results = await Promise.allSettled([changeUserRole(b.id, "viewer", a), changeUserRole(a.id, "viewer", b)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(LastAdminError);
    expect(await db().user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });
});

describe("role and status changes", () => {
  it("promotes and demotes with an audit entry per change, none for a no-op", async () => {
    const admin = await user("admin@example.com");
    const viewer = await user("viewer@example.com", "viewer");
    await changeUserRole(viewer.id, "admin", admin);
    await changeUserRole(viewer.id, "admin", admin);
    await changeUserRole(viewer.id, "viewer", admin);
    await expect(changeUserRole(viewer.id, "owner", admin)).rejects.toBeInstanceOf(ZodError);
    const entries = await audits("user.role");
    expect(entries.map((e) => JSON.parse(e.detail!))).toEqual([
      { email: viewer.email, from: "viewer", to: "admin" },
      { email: viewer.email, from: "admin", to: "viewer" },
    ]);
  });

  it("disables a user: sign-in fails and their open session stops at once; enabling restores both", async () => {
    const admin = await user("admin@example.com");
    const viewer = await user("viewer@example.com", "viewer");
    vi.mocked(getServerSession).mockResolvedValue({ user: { id: viewer.id, sv: 0, signedInAt: Date.now() }, expires: "2099-01-01" } as never);
    expect(await getCurrentUser()).toMatchObject({ id: viewer.id });
    await setUserDisabled(viewer.id, true, admin);
    expect(await getCurrentUser()).toBeNull();
    expect(await signIn(viewer.email)).toEqual({ ok: false, reason: "invalid" });
    await setUserDisabled(viewer.id, false, admin);
    expect(await getCurrentUser()).toMatchObject({ id: viewer.id });
    expect(await signIn(viewer.email)).toMatchObject({ ok: true });
    expect((await audits("user.disable")).length + (await audits("user.enable")).length).toBe(2);
  });
});

describe("resetUserPassword", () => {
  it("replaces the password: the old one fails, the new one works, a login lock is lifted", async () => {
    const admin = await user("admin@example.com");
    const viewer = await user("viewer@example.com", "viewer");
    for (let i = 0; i < THROTTLE.freePerEmail + 1; i++) await claimAttempt(db(), `email:${viewer.email}`, THROTTLE.freePerEmail);
    const { temporaryPassword } = await resetUserPassword(viewer.id, admin);
    expect(await signIn(viewer.email, temporaryPassword)).toMatchObject({ ok: true });
    expect(await signIn(viewer.email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    const [entry] = await audits("user.reset-password");
    expect(entry).toMatchObject({ actor: admin.email, targetId: viewer.id });
    expect(entry.detail).not.toContain(temporaryPassword);
  });
});
