import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { authenticate, type AuthResult } from "./authenticate";
import { createUser } from "./create-user";
import { PURGE_EVERY_MS } from "./purge-login-counters";
import { THROTTLE } from "./throttle";

const email = "ops@example.com";
const password = "correct-horse";
const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);
// Verified means the attempt got past the throttle to the password check: "invalid", not "throttled".
const verified = (results: AuthResult[]) => results.filter((r) => !r.ok && r.reason === "invalid").length;

describe("authenticate", () => {
  beforeEach(async () => {
    await resetDatabase();
    await createUser({ email, password }, { email: "test" });
  });

  it("accepts the right password (email case-insensitive), records the login and hands out a device token", async () => {
    const result = await authenticate({ email: "OPS@example.com", password }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email, role: "admin", sessionVersion: 0, mustChangePassword: false }, deviceToken: expect.any(String) });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).lastLoginAt).not.toBeNull();
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    expect(await authenticate({ email, password: "wrong-password" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: "nobody@example.com", password }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: "", password: "" }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("lets at most the allowed number of 200 parallel guesses from one client reach the password check", async () => {
    const now = at("2026-11-21T08:00:00Z");
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => authenticate({ email, password: `wrong-${i}` }, "10.0.0.2", now)));
    expect(verified(results)).toBe(THROTTLE.freePerPair);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(200 - THROTTLE.freePerPair);
  });

  it("caps 200 parallel guesses from 200 clients at the email's ceiling", async () => {
    const now = at("2026-11-21T08:00:00Z");
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => authenticate({ email, password: `wrong-${i}` }, `10.1.${i >> 8}.${i & 255}`, now)));
    expect(verified(results)).toBe(THROTTLE.freePerEmail);
  });

  it("slows a guessing client with growing delays instead of a fixed lock", async () => {
    const start = at("2026-11-21T08:00:00Z");
    for (let i = 0; i < THROTTLE.freePerPair; i++) await authenticate({ email, password: `wrong-${i}` }, "10.0.0.2", start);
    const first = await authenticate({ email, password }, "10.0.0.2", start);
    expect(first).toMatchObject({ ok: false, reason: "throttled", retryAfterMs: THROTTLE.baseDelayMs });
    expect(await authenticate({ email, password: "wrong" }, "10.0.0.2", at(start.toISOString(), 1_000))).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email, password }, "10.0.0.2", at(start.toISOString(), 1_500))).toMatchObject({ reason: "throttled", retryAfterMs: 2 * THROTTLE.baseDelayMs - 500 });
    expect(await authenticate({ email, password }, "10.0.0.2", at(start.toISOString(), 3_000))).toMatchObject({ ok: true });
  });

  it("still accepts the owner's right password from their own client after an attacker's failures elsewhere", async () => {
    const now = at("2026-11-21T08:00:00Z");
    const owner = await authenticate({ email, password }, "10.0.0.7", now);
    const deviceToken = (owner as { deviceToken: string }).deviceToken;
    await Promise.all(Array.from({ length: 200 }, (_, i) => authenticate({ email, password: `wrong-${i}` }, i % 2 ? "10.6.6.6" : `10.7.0.${i}`, now)));
    // Another client, not yet blocked itself, is held back by the email's ceiling ...
    expect(await authenticate({ email, password }, "10.0.0.8", now)).toMatchObject({ ok: false, reason: "throttled" });
    // ... but the owner's browser (its device cookie) is counted on its own, even from the attacker's IP.
    expect(await authenticate({ email, password }, { ip: "10.0.0.7", deviceToken }, now)).toMatchObject({ ok: true });
    expect(await authenticate({ email, password }, { ip: "10.6.6.6", deviceToken }, now)).toMatchObject({ ok: true });
  });

  it("accepts the owner from a clean client while an attacker is blocked on another", async () => {
    const now = at("2026-11-21T08:00:00Z");
    for (let i = 0; i < 3 * THROTTLE.freePerPair; i++) await authenticate({ email, password: `wrong-${i}` }, "10.6.6.6", now);
    expect(await authenticate({ email, password }, "10.6.6.6", now)).toMatchObject({ reason: "throttled" });
    expect(await authenticate({ email, password }, "10.0.0.3", now)).toMatchObject({ ok: true });
  });

  it("counts only failures on the shared counters: many successful sign-ins slow nobody down", async () => {
    const now = at("2026-11-21T08:00:00Z");
    // One person from 30 new browsers (no device cookie) on 30 addresses: the email's ceiling ...
    for (let i = 0; i < 30; i++) expect(await authenticate({ email, password }, `10.4.0.${i}`, now)).toMatchObject({ ok: true });
    expect(await authenticate({ email, password: "wrong" }, "10.4.1.1", now)).toEqual({ ok: false, reason: "invalid" });
    // ... and 30 colleagues behind one office address: the IP's counter.
    for (let i = 0; i < 30; i++) await createUser({ email: `staff${i}@example.com`, password }, { email: "test" });
    for (let i = 0; i < 30; i++) expect(await authenticate({ email: `staff${i}@example.com`, password }, "10.5.5.5", now)).toMatchObject({ ok: true });
    expect(await authenticate({ email, password }, "10.5.5.5", now)).toMatchObject({ ok: true });
  });

  it("ignores a device token issued for another email", async () => {
    const now = at("2026-11-21T08:00:00Z");
    await createUser({ email: "other@example.com", password }, { email: "test" });
    const other = (await authenticate({ email: "other@example.com", password }, "10.0.0.9", now)) as { deviceToken: string };
    for (let i = 0; i < THROTTLE.freePerPair; i++) await authenticate({ email, password: `wrong-${i}` }, { ip: "10.0.0.9", deviceToken: other.deviceToken }, now);
    expect(await authenticate({ email, password }, { ip: "10.0.0.9", deviceToken: other.deviceToken }, now)).toMatchObject({ reason: "throttled" });
  });

  it("limits an IP that sprays many emails", async () => {
    const now = at("2026-11-21T09:00:00Z");
    for (let i = 0; i < THROTTLE.freePerIp; i++) await authenticate({ email: `user${i}@example.com`, password: "x" }, "10.9.9.9", now);
    expect(await authenticate({ email, password }, "10.9.9.9", now)).toMatchObject({ reason: "throttled" });
    expect(await authenticate({ email, password }, "10.9.9.8", now)).toMatchObject({ ok: true });
  });

  it("purges idle counters on a later login attempt", async () => {
    const now = at("2030-01-01T00:00:00Z");
    await authenticate({ email: "stale@example.com", password: "x" }, "10.2.2.2", now);
    expect(await db().loginThrottle.count({ where: { key: { contains: "stale@example.com" } } })).toBe(2);
    await authenticate({ email, password: "x" }, "10.3.3.3", at(now.toISOString(), THROTTLE.windowMs + PURGE_EVERY_MS));
    expect(await db().loginThrottle.count({ where: { key: { contains: "stale@example.com" } } })).toBe(0);
    expect(await db().loginThrottle.count({ where: { key: { contains: email } } })).toBe(2);
  });

  it("refuses a disabled user", async () => {
    await db().user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await authenticate({ email, password }, null)).toEqual({ ok: false, reason: "invalid" });
  });
});
