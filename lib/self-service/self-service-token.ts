import crypto from "node:crypto";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The secret in a promoter's private link: 32 random bytes, base64url (43 characters). */
export function generateSelfServiceToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** The stored form of a token (lowercase hex SHA-256): the database never holds a working link. */
export function hashSelfServiceToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when the value has the shape of a token we issue (checked before touching the database). */
export function looksLikeSelfServiceToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function selfServiceUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/p/${token}`;
}
