// Per-key request rate limit: a token bucket in this process's memory.
//
// Per process, not in the database, on purpose: a shared counter would cost a write on every API
// request (on SQLite, the one writer the callback's pipeline also needs) to stop what is at worst a
// runaway integration whose key already authorizes it. The price: with N app instances a key gets
// up to N times the rate. Revoking a key, not this limit, is what stops a hostile holder.
export const API_RATE_LIMIT = { burst: 120, perSecond: 2 } as const;

type Bucket = { tokens: number; at: number };

const buckets = new Map<string, Bucket>();

export type RateDecision = { ok: true } | { ok: false; retryAfterS: number };

/** Takes one request from the key's bucket (burst 120, refilled at 2 a second). */
export function takeApiRequest(keyId: string, now = Date.now(), limit: { burst: number; perSecond: number } = API_RATE_LIMIT): RateDecision {
  const previous = buckets.get(keyId) ?? { tokens: limit.burst, at: now };
  const tokens = Math.min(limit.burst, previous.tokens + (Math.max(0, now - previous.at) / 1000) * limit.perSecond);
  if (tokens < 1) {
    buckets.set(keyId, { tokens, at: now });
    return { ok: false, retryAfterS: Math.ceil((1 - tokens) / limit.perSecond) };
  }
  buckets.set(keyId, { tokens: tokens - 1, at: now });
  if (buckets.size > 10_000) forgetFullBuckets(now, limit);
  return { ok: true };
}

// Keys idle long enough to be full again need no entry.
function forgetFullBuckets(now: number, limit: { burst: number; perSecond: number }) {
  for (const [id, bucket] of buckets) {
    if (bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond >= limit.burst) buckets.delete(id);
  }
}

/** For tests: every key starts with a full bucket again. */
export function resetApiRateLimits() {
  buckets.clear();
}
