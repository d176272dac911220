// API key material: "sk_" + 32 random bytes (base64url). Only the SHA-256 is stored.
import crypto from "node:crypto";

export const API_KEY_PREFIX = "sk_";
export const API_KEY_PREFIX_LENGTH = 11;
const KEY_PATTERN = /^sk_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiKey = { key: string; prefix: string; keyHash: string };

/** The stored form of a key: lowercase hex SHA-256 of the whole key string. */
export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

/** A fresh key with its display prefix (enough to tell keys apart, useless for guessing) and hash. */
export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_PREFIX + crypto.randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

/** True when the string has the shape of a key we issue (checked before touching the database). */
export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/** The key from an `Authorization: Bearer <key>` header (scheme case-insensitive), or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}
