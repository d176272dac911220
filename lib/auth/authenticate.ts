import { db } from "../db";
import { loginSchema } from "./schemas";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearFailures, lockedUntil, recordFailure, THROTTLE, throttleKeys } from "./throttle";

export type AuthResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/** Checks a login attempt: throttling first, then the argon2id hash. Never says which part was wrong. */
export async function authenticate(input: unknown, ip: string | null, now = new Date()): Promise<AuthResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, ip);
  const client = db();

  const until = await lockedUntil(client, [keys.email, ...(keys.ip ? [keys.ip] : [])], now);
  if (until) return { ok: false, reason: "throttled", retryAfterMs: until.getTime() - now.getTime() };

  const user = await client.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) {
    await recordFailure(client, keys.email, THROTTLE.maxPerEmail, now);
    if (keys.ip) await recordFailure(client, keys.ip, THROTTLE.maxPerIp, now);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(client, keys.email);
  await client.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
