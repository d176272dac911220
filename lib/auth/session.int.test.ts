import { getServerSession, type Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { inviteUser } from "@/lib/users/invite-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { resetDatabase } from "@/test/reset-database";
import { authenticate } from "./authenticate";
import { changeOwnPassword } from "./change-own-password";
import { createUser } from "./create-user";
import { authOptions } from "./options";
import { ABSOLUTE_SESSION_MS } from "./session-claims";
import { CHANGE_PASSWORD_PATH, getCurrentUser, requireUser } from "./session";

vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: vi.fn() }));

const PASSWORD = "correct-horse-battery";
const DAY = 24 * 60 * 60_000;
const callbacks = () => authOptions().callbacks!;

/** Signs in like the credentials provider and returns the JWT next-auth would store in the cookie. */
async function signIn(email: string, password = PASSWORD): Promise<JWT> {
  const result = await authenticate({ email, password }, `10.0.0.${Math.floor(Math.random() * 200)}`);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return callbacks().jwt!({ token: { sub: result.user.id }, user: result.user as never, account: null }) as Promise<JWT>;
}

/** What a later request does with that cookie: refresh the token, then resolve the current user. */
async function requestWith(token: JWT) {
  const refreshed = await callbacks().jwt!({ token, user: undefined as never, account: null });
  const session = await callbacks().session!({ session: { user: {}, expires: "2099-01-01" } as Session, token: refreshed as JWT, user: undefined as never, newSession: undefined, trigger: "update" });
  vi.mocked(getServerSession).mockResolvedValue(session as never);
  return getCurrentUser();
}

const redirectTarget = (error: unknown) => String((error as { digest?: string }).digest ?? "").split(";")[2];

beforeEach(async () => {
  await resetDatabase();
  vi.mocked(getServerSession).mockReset();
});
afterEach(() => vi.useRealTimers());

describe("session tokens", () => {
  it("stop working once the password is reset, and on sign-out everywhere", async () => {
    const admin = await createUser({ email: "admin@example.com", password: PASSWORD }, { email: "cli" });
    const viewer = await createUser({ email: "viewer@example.com", password: PASSWORD, role: "viewer" }, { email: "cli" });
    const token = await signIn(viewer.email);
    expect(await requestWith(token)).toMatchObject({ id: viewer.id });
    const { temporaryPassword } = await resetUserPassword(viewer.id, admin);
    await expect(requestWith(token)).rejects.toThrow(/session revoked/);
    vi.mocked(getServerSession).mockResolvedValue({ user: { id: viewer.id, sv: token.sv, signedInAt: token.signedInAt }, expires: "2099-01-01" } as never);
    expect(await getCurrentUser()).toBeNull();

    const fresh = await signIn(viewer.email, temporaryPassword);
    expect(await requestWith(fresh)).toMatchObject({ id: viewer.id });
    await signOutEverywhere(viewer.id, admin);
    await expect(requestWith(fresh)).rejects.toThrow(/session revoked/);
    expect(await db().auditLog.count({ where: { action: "user.sign-out-everywhere", targetId: viewer.id } })).toBe(1);
  });

  it("end 30 days after sign-in however often they were refreshed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-01T08:00:00Z"));
    const user = await createUser({ email: "ops@example.com", password: PASSWORD }, { email: "cli" });
    let token = await signIn(user.email);
    for (let day = 1; day < 30; day++) {
      vi.setSystemTime(new Date(Date.parse("2026-11-01T08:00:00Z") + day * DAY));
      expect(await requestWith(token)).toMatchObject({ id: user.id });
      token = (await callbacks().jwt!({ token, user: undefined as never, account: null })) as JWT;
    }
    vi.setSystemTime(new Date(Date.parse("2026-11-01T08:00:00Z") + ABSOLUTE_SESSION_MS + 1000));
    await expect(requestWith(token)).rejects.toThrow(/session expired/);
  });

  it("without a sign-in time or version (minted before these claims) are refused", async () => {
    const user = await createUser({ email: "ops@example.com", password: PASSWORD }, { email: "cli" });
    await expect(requestWith({ sub: user.id, role: "admin" })).rejects.toThrow(/session expired/);
  });
});

describe("temporary passwords", () => {
  it("send the user to change their password before anything else, and the change ends the old session", async () => {
    const admin = await createUser({ email: "admin@example.com", password: PASSWORD }, { email: "cli" });
    const { temporaryPassword } = await inviteUser({ email: "new@example.com", role: "viewer" }, admin);
    const token = await signIn("new@example.com", temporaryPassword!);
    expect(await requestWith(token)).toMatchObject({ mustChangePassword: true });
    expect(redirectTarget(await requireUser().catch((e) => e))).toBe(CHANGE_PASSWORD_PATH);
    expect(await requireUser("read", { passwordChange: true })).toMatchObject({ email: "new@example.com" });

    const me = await db().user.findUniqueOrThrow({ where: { email: "new@example.com" } });
    await expect(changeOwnPassword(me.id, { currentPassword: "wrong-password", password: "my-own-password", confirmPassword: "my-own-password" })).rejects.toThrow(/not correct/);
    await changeOwnPassword(me.id, { currentPassword: temporaryPassword, password: "my-own-password", confirmPassword: "my-own-password" });
    await expect(requestWith(token)).rejects.toThrow(/session revoked/);
    const next = await signIn("new@example.com", "my-own-password");
    expect(await requestWith(next)).toMatchObject({ mustChangePassword: false });
    expect(await requireUser()).toMatchObject({ email: "new@example.com" });
    expect(await authenticate({ email: "new@example.com", password: temporaryPassword! }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("a reset password must be changed too; a CLI-created user's own password need not", async () => {
    const admin = await createUser({ email: "admin@example.com", password: PASSWORD }, { email: "cli" });
    expect(await requestWith(await signIn(admin.email))).toMatchObject({ mustChangePassword: false });
    const viewer = await createUser({ email: "v@example.com", password: PASSWORD, role: "viewer" }, { email: "cli" });
    const { temporaryPassword } = await resetUserPassword(viewer.id, admin);
    expect(await requestWith(await signIn(viewer.email, temporaryPassword))).toMatchObject({ mustChangePassword: true });
  });
});
