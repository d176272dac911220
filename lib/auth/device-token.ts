import crypto from "node:crypto";
import { authSecret } from "./auth-secret";

// A browser that has signed in as an email before carries a signed "known device" token for it
// (OWASP's device cookies). Login throttling counts such a browser apart from everyone else, so
// an attacker's failures elsewhere can slow other clients but never lock the owner's own browser.
export const DEVICE_COOKIE = "scenecode-device";
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

function mac(email: string, id: string): string {
  return crypto.createHmac("sha256", authSecret()).update(`login-device\n${email.toLowerCase()}\n${id}`).digest("base64url");
}

/** A fresh token "<id>.<mac>" for this email. */
export function issueDeviceToken(email: string): string {
  const id = crypto.randomBytes(16).toString("base64url");
  return `${id}.${mac(email, id)}`;
}

/** The device id when `token` was issued for `email` by this server, else null. */
export function deviceIdFor(token: string | null | undefined, email: string): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return null;
  const expected = Buffer.from(mac(email, match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? match[1] : null;
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | string[] | null | undefined, name: string): string | null {
  const text = Array.isArray(header) ? header.join("; ") : (header ?? "");
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null; // malformed escapes: no token
    }
  }
  return null;
}
