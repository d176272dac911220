import { Prisma, type Tx } from "../db";

// Login throttling. Every attempt is counted before its password is verified, by one atomic upsert
// per key, so concurrent guesses cannot all pass a check made before any of them was counted.
// A key's first `free` attempts pass; each later one waits twice as long as the one before
// (1 s, 2 s, 4 s … up to 15 min). A key idle for a whole window starts again.
export const THROTTLE = {
  windowMs: 15 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  freePerPair: 5, // one email from one client (a signed device cookie, else the IP)
  freePerEmail: 20, // one email from all clients without that email's device cookie
  freePerIp: 20, // one IP across all emails (password spraying)
} as const;

// 2^10 s exceeds the cap: from the tenth doubling on, the delay is the cap.
const MAX_DOUBLINGS = Math.ceil(Math.log2(THROTTLE.maxDelayMs / THROTTLE.baseDelayMs));

export const throttleKeys = (email: string, client: { ip: string | null; deviceId?: string | null }) => {
  const address = email.toLowerCase();
  const clientId = client.deviceId ? `device:${client.deviceId}` : client.ip ? `ip:${client.ip}` : "unknown";
  return {
    pair: `pair:${address}|${clientId}`,
    email: `email:${address}`,
    ip: client.ip ? `ip:${client.ip}` : null,
  };
};

export type Claim = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Counts one attempt against `key` and says whether it may go on to the password check. The
 * upsert only updates a key that is not blocked, and sets the key's next block in the same
 * statement, so of N concurrent attempts exactly the allowed number get a row back.
 */
export async function claimAttempt(db: Tx, key: string, free: number, now = new Date()): Promise<Claim> {
  const at = BigInt(now.getTime());
  const idleBefore = at - BigInt(THROTTLE.windowMs);
  const base = BigInt(THROTTLE.baseDelayMs);
  const firstBlock = free <= 1 ? at + base : 0n;
  const rows = await db.$queryRaw<{ attempts: number | bigint }[]>(Prisma.sql`
    INSERT INTO "LoginThrottle" ("key", "attempts", "lastAttemptMs", "blockedUntilMs")
    VALUES (${key}, 1, CAST(${at} AS BIGINT), CAST(${firstBlock} AS BIGINT))
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "LoginThrottle"."lastAttemptMs" <= CAST(${idleBefore} AS BIGINT) THEN 1 ELSE "LoginThrottle"."attempts" + 1 END,
      "blockedUntilMs" = CASE
        WHEN "LoginThrottle"."lastAttemptMs" <= CAST(${idleBefore} AS BIGINT) THEN CAST(${firstBlock} AS BIGINT)
        WHEN "LoginThrottle"."attempts" + 1 < CAST(${free} AS INTEGER) THEN CAST(0 AS BIGINT)
        WHEN "LoginThrottle"."attempts" + 1 - CAST(${free} AS INTEGER) >= CAST(${MAX_DOUBLINGS} AS INTEGER) THEN CAST(${at + BigInt(THROTTLE.maxDelayMs)} AS BIGINT)
        ELSE CAST(${at} AS BIGINT) + CAST(${base} AS BIGINT) * (1 << ("LoginThrottle"."attempts" + 1 - CAST(${free} AS INTEGER)))
      END,
      "lastAttemptMs" = CAST(${at} AS BIGINT)
    WHERE "LoginThrottle"."blockedUntilMs" <= CAST(${at} AS BIGINT)
    RETURNING "attempts"`);
  if (rows.length > 0) return { ok: true };
  const blocked = await db.loginThrottle.findUnique({ where: { key }, select: { blockedUntilMs: true } });
  return { ok: false, retryAfterMs: Math.max(1_000, Number((blocked?.blockedUntilMs ?? at) - at)) };
}

/**
 * Takes back one counted attempt that turned out to be a successful sign-in, so the shared counters
 * (the email's ceiling, the IP's) count failures only: twenty colleagues signing in behind one
 * office address, or one person from twenty new browsers, must not slow the next one down.
 */
export async function refundAttempt(db: Tx, key: string, free: number): Promise<void> {
  await db.loginThrottle.updateMany({ where: { key, attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } });
  await db.loginThrottle.updateMany({ where: { key, attempts: { lt: free } }, data: { blockedUntilMs: 0n } });
}

/** Forgets a key's attempts (after a successful login, or when an admin resets the password). */
export async function clearAttempts(db: Tx, keys: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

/** Deletes counters idle for a whole window and no longer blocking: they would start again anyway. */
export async function purgeIdleCounters(db: Tx, now = new Date()): Promise<number> {
  const at = BigInt(now.getTime());
  const { count } = await db.loginThrottle.deleteMany({
    where: { lastAttemptMs: { lte: at - BigInt(THROTTLE.windowMs) }, blockedUntilMs: { lte: at } },
  });
  return count;
}
