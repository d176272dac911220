import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { authenticate } from "./authenticate";
import { createUser } from "./create-user";
import { THROTTLE } from "./throttle";

const email = "ops@example.com";
const password = "correct-horse";

describe("authenticate", () => {
  beforeEach(async () => {
    await resetDatabase();
    await createUser({ email, password }, { email: "test" });
  });

  it("accepts the right password (email case-insensitive) and records the login", async () => {
    const result = await authenticate({ email: "OPS@example.com", password }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email, role: "admin" } });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).lastLoginAt).not.toBeNull();
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    expect(await authenticate({ email, password: "wrong-password" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: "nobody@example.com", password }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: "", password: "" }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email after repeated failures, even for the right password, until the lock ends", async () => {
    const now = new Date("2026-11-21T08:00:00Z");
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) await authenticate({ email, password: `wrong-${i}` }, "10.0.0.2", now);
    const locked = await authenticate({ email, password }, "10.0.0.3", now);
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect((locked as { retryAfterMs: number }).retryAfterMs).toBe(THROTTLE.lockMs);
    const later = new Date(now.getTime() + THROTTLE.lockMs + 1000);
    expect(await authenticate({ email, password }, "10.0.0.3", later)).toMatchObject({ ok: true });
  });

  it("locks an IP that sprays many emails", async () => {
    const now = new Date("2026-11-21T09:00:00Z");
    for (let i = 0; i < THROTTLE.maxPerIp; i++) await authenticate({ email: `user${i}@example.com`, password: "x" }, "10.9.9.9", now);
    expect(await authenticate({ email, password }, "10.9.9.9", now)).toMatchObject({ reason: "throttled" });
    expect(await authenticate({ email, password }, "10.9.9.8", now)).toMatchObject({ ok: true });
  });

  it("refuses a disabled user", async () => {
    await db().user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await authenticate({ email, password }, null)).toEqual({ ok: false, reason: "invalid" });
  });
});
