import type { Tx } from "../db";

// Failed logins: 5 per email or 20 per IP within 15 minutes lock that key for 15 minutes.
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerEmail: 5,
  maxPerIp: 20,
} as const;

export const throttleKeys = (email: string, ip: string | null) => ({
  email: `email:${email.toLowerCase()}`,
  ip: ip ? `ip:${ip}` : null,
});

/** When any key is locked, the time the lock ends; else null. */
export async function lockedUntil(db: Tx, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const ends = rows.map((r) => r.lockedUntil!.getTime());
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/** Counts one failure against a key; locks it once the limit is reached within the window. */
export async function recordFailure(db: Tx, key: string, limit: number, now = new Date()): Promise<void> {
  const row = await db.loginThrottle.upsert({
    where: { key },
    create: { key, failures: 1, windowStart: now },
    update: { failures: { increment: 1 } },
  });
  if (now.getTime() - row.windowStart.getTime() > THROTTLE.windowMs) {
    await db.loginThrottle.update({ where: { key }, data: { failures: 1, windowStart: now, lockedUntil: null } });
  } else if (row.failures >= limit) {
    await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + THROTTLE.lockMs) } });
  }
}

export async function clearFailures(db: Tx, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
