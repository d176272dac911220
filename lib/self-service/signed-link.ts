// Short-lived private links for replies in WeChat (我的数据, 推广): the permanent /p/<secret> link cannot be
// shown again (only its hash is stored), so a reply carries /p/<signed> instead, which opens the same page.
import crypto from "node:crypto";
import { authSecret } from "../auth/auth-secret";

/** How long a signed link opens the private page. */
export const SIGNED_LINK_TTL_MS = 24 * 3_600_000;

const PREFIX = "s1";
// s1.<promoter id>.<expiry, unix seconds in base 36>.<HMAC-SHA256, first 16 bytes, base64url>
const PATTERN = /^s1\.([a-z0-9]{8,40})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/;

/**
 * The MAC covers the promoter, the expiry and the promoter's current permanent-link hash (empty when
 * they have none): rotating the permanent link also ends every signed link given out before.
 */
function mac(promoterId: string, expires: string, linkHash: string | null, secret: string): string {
  const key = crypto.hkdfSync("sha256", secret, "scenecode", "self-service-signed-link", 32);
  return crypto.createHmac("sha256", Buffer.from(key)).update(`${PREFIX}\n${promoterId}\n${expires}\n${linkHash ?? ""}`).digest().subarray(0, 16).toString("base64url");
}

export function signSelfServiceLink(promoterId: string, linkHash: string | null, now = Date.now(), secret = authSecret()): string {
  const expires = Math.floor((now + SIGNED_LINK_TTL_MS) / 1000).toString(36);
  return `${PREFIX}.${promoterId}.${expires}.${mac(promoterId, expires, linkHash, secret)}`;
}

/** True when the value has the shape of a signed link (checked before touching the database). */
export function looksLikeSignedLink(value: string): boolean {
  return PATTERN.test(value);
}

/** The promoter id a well-formed, unexpired link names (its MAC is checked by verifySignedLink). */
export function readSignedLink(value: string, now = Date.now()): { promoterId: string } | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  if (parseInt(match[2], 36) * 1000 <= now) return null;
  return { promoterId: match[1] };
}

/** True when the link is unexpired and was signed for this promoter with their current permanent-link hash. */
export function verifySignedLink(value: string, linkHash: string | null, now = Date.now(), secret = authSecret()): boolean {
  const match = PATTERN.exec(value);
  if (!match || parseInt(match[2], 36) * 1000 <= now) return false;
  const expected = Buffer.from(mac(match[1], match[2], linkHash, secret));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
