import { db } from "../db";
import { loginSchema } from "./schemas";
import { dummyPasswordHash, verifyPassword } from "./password";
import { deviceIdFor, issueDeviceToken } from "./device-token";
import { purgeIdleCountersNow } from "./purge-login-counters";
import { claimAttempt, clearAttempts, refundAttempt, THROTTLE, throttleKeys } from "./throttle";

export type SessionUser = { id: string; email: string; name: string; role: string; sessionVersion: number; mustChangePassword: boolean };

export type AuthResult =
  | { ok: true; user: SessionUser; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/** Who is signing in: the client IP (may be null) and the browser's device cookie, if any. */
export type LoginClient = { ip: string | null; deviceToken?: string | null };

/**
 * Checks a login attempt. The attempt is counted first (atomically, lib/auth/throttle.ts), then the
 * argon2id hash is verified. A browser with this email's device token is counted on its own only;
 * any other client also against the email's ceiling and its IP's. Never says which part was wrong.
 */
export async function authenticate(input: unknown, client: LoginClient | string | null, now = new Date()): Promise<AuthResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const { ip, deviceToken } = typeof client === "string" || client === null ? { ip: client, deviceToken: null } : client;
  const deviceId = deviceIdFor(deviceToken, email);
  const keys = throttleKeys(email, { ip, deviceId });
  const store = db();
  await purgeIdleCountersNow(store, now);

  // The client's own counter first: a client that is already blocked adds nothing to the shared ones.
  const claims: [string, number][] = [[keys.pair, THROTTLE.freePerPair]];
  if (!deviceId) claims.push([keys.email, THROTTLE.freePerEmail]);
  if (!deviceId && keys.ip) claims.push([keys.ip, THROTTLE.freePerIp]);
  for (const [key, free] of claims) {
    const claim = await claimAttempt(store, key, free, now);
    if (!claim.ok) return { ok: false, reason: "throttled", retryAfterMs: claim.retryAfterMs };
  }

  const user = await store.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: "invalid" };

  // The client's own counter starts again; the shared ones give back only this attempt, so the
  // owner signing in does not hand an attacker a fresh allowance.
  await clearAttempts(store, [keys.pair]);
  for (const [key, free] of claims.slice(1)) await refundAttempt(store, key, free);
  await store.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  const { id, name, role, sessionVersion, mustChangePassword } = user;
  return { ok: true, user: { id, email: user.email, name, role, sessionVersion, mustChangePassword }, deviceToken: deviceId ? deviceToken! : issueDeviceToken(email) };
}
