// WeChat's callback signature: sha1 of the sorted parts, concatenated, as lower-case hex.
import crypto from "node:crypto";

/** sha1(sort(parts).join("")) in hex — the `signature` (token, timestamp, nonce) and `msg_signature` (+ Encrypt). */
export function wechatSignature(parts: string[]): string {
  const text = [...parts].sort().join("");
  // crypto.hash (one shot, Node ≥ 20.12) costs half of createHash().update().digest() on every push.
  return typeof crypto.hash === "function" ? crypto.hash("sha1", text, "hex") : crypto.createHash("sha1").update(text).digest("hex");
}

export type SignedQuery = {
  token: string;
  timestamp?: string | null;
  nonce?: string | null;
  signature?: string | null;
};

/** True when `signature` is the one WeChat computes for this token, timestamp and nonce (constant-time compare). */
export function verifySignature({ token, timestamp, nonce, signature }: SignedQuery): boolean {
  if (!token || !timestamp || !nonce || !signature) return false;
  const expected = Buffer.from(wechatSignature([token, timestamp, nonce]), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (given.length !== expected.length) return false;
  return crypto.timingSafeEqual(given, expected);
}

/**
 * The plain signature covers no body bytes, so a leaked query string could be replayed with any XML;
 * bounding the timestamp limits that window. Rejects skew in either direction.
 */
export function isFreshTimestamp(timestamp: string, nowMs = Date.now(), maxSkewS = 300): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= maxSkewS;
}
