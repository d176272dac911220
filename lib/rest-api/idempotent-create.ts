// Idempotency-Key for creating REST calls: the first answer is stored in the database and replayed
// to a retry with the same key and request, so a retried create never spends a second permanent code.
import crypto from "node:crypto";
import { db, isUniqueViolation } from "../db";
import { errorResponse } from "../http";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
// A claim still running after this long belongs to a request that crashed: a retry may take it over.
const RUNNING_LEASE_MS = 2 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
let lastPurgeMs = 0;

/** JSON with object keys sorted, so the same body in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function fingerprintOf(request: Request, body: unknown): string {
  return crypto.createHash("sha256").update(`${request.method} ${new URL(request.url).pathname}\n${canonical(body)}`).digest("hex");
}

async function purgeExpired(now: Date) {
  if (now.getTime() - lastPurgeMs < 60_000) return;
  lastPurgeMs = now.getTime();
  await db().apiIdempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
}

function replay(status: number, body: string) {
  return new Response(body, { status, headers: { "content-type": "application/json", "idempotent-replayed": "true" } });
}

type Claim = { owned: true; id: string } | { owned: false; response: Response };

async function claim(apiKeyId: string, key: string, fingerprint: string, now: Date): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const row = await db().apiIdempotencyKey.create({ data: { apiKeyId, key, fingerprint, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) } });
      return { owned: true, id: row.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await db().apiIdempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (!existing) continue; // purged between the insert and the read
    if (existing.expiresAt <= now) {
      await db().apiIdempotencyKey.deleteMany({ where: { id: existing.id, expiresAt: { lte: now } } });
      continue;
    }
    if (existing.fingerprint !== fingerprint) {
      return { owned: false, response: errorResponse(422, "idempotency_key_reused", "This Idempotency-Key was already used with a different request (method, path or body); send a new key for a new request") };
    }
    if (existing.state === "done" && existing.responseStatus !== null) return { owned: false, response: replay(existing.responseStatus, existing.responseBody ?? "") };
    const stale = new Date(now.getTime() - RUNNING_LEASE_MS);
    const taken = await db().apiIdempotencyKey.updateMany({ where: { id: existing.id, state: "running", createdAt: { lt: stale } }, data: { createdAt: now } });
    if (taken.count === 1) return { owned: true, id: existing.id };
    const busy = errorResponse(409, "idempotency_in_progress", "A request with this Idempotency-Key is still running; retry in a moment to get its answer");
    busy.headers.set("retry-after", "1");
    return { owned: false, response: busy };
  }
  throw new Error("Idempotency-Key could not be claimed");
}

/**
 * Runs `create` once per (API key, Idempotency-Key): without the header it just runs; with it, a
 * retry with the same request gets the stored answer (header Idempotent-Replayed: true), the same
 * key with another request 422, and a copy racing the first 409. A 5xx answer or a thrown error is
 * not stored, so the client can retry it.
 */
export async function idempotentCreate(request: Request, apiKeyId: string, body: unknown, create: () => Promise<Response>, now = new Date()): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return create();
  if (!KEY_PATTERN.test(key)) return errorResponse(400, "bad_request", "Idempotency-Key must be 1–255 visible ASCII characters (e.g. a UUID)");
  await purgeExpired(now);
  const claimed = await claim(apiKeyId, key, fingerprintOf(request, body), now);
  if (!claimed.owned) return claimed.response;
  let response: Response;
  try {
    response = await create();
  } catch (error) {
    await db().apiIdempotencyKey.delete({ where: { id: claimed.id } }).catch(() => undefined);
    throw error;
  }
  if (response.status >= 500) {
    await db().apiIdempotencyKey.delete({ where: { id: claimed.id } }).catch(() => undefined);
    return response;
  }
  const text = await response.clone().text();
  await db().apiIdempotencyKey.update({ where: { id: claimed.id }, data: { state: "done", responseStatus: response.status, responseBody: text } });
  return response;
}

/** For tests: forget when expired keys were last purged. */
export function resetIdempotencyPurge() {
  lastPurgeMs = 0;
}
