// What a session JWT carries beyond next-auth's own claims, and when it stops being valid.
// Pure functions: the next-auth callbacks (lib/auth/options.ts) and getCurrentUser both use them.

// A session ends 30 days after sign-in however often it is refreshed (next-auth's maxAge is the
// sliding idle limit, renewed on every request).
export const ABSOLUTE_SESSION_MS = 30 * 24 * 60 * 60_000;

export type SessionClaims = { sub?: string; role?: string; sv?: number; signedInAt?: number };

export type StoredSessionUser = { sessionVersion: number; disabledAt: Date | null } | null;

export type SessionProblem = "missing" | "expired" | "revoked" | "disabled";

/** Claims for a token minted at sign-in. */
export function claimsAtSignIn(user: { id: string; role: string; sessionVersion: number }, now = Date.now()): SessionClaims {
  return { sub: user.id, role: user.role, sv: user.sessionVersion, signedInAt: now };
}

/**
 * Why a session token may no longer be used, or null when it may. A token without a sign-in time
 * or version (minted before these claims existed) is treated as expired: its user signs in again.
 */
export function sessionProblem(claims: SessionClaims, user: StoredSessionUser, now = Date.now()): SessionProblem | null {
  if (!claims.sub || !user) return "missing";
  if (typeof claims.signedInAt !== "number" || now - claims.signedInAt > ABSOLUTE_SESSION_MS || claims.signedInAt > now + 60_000) return "expired";
  if (claims.sv !== user.sessionVersion) return "revoked";
  if (user.disabledAt) return "disabled";
  return null;
}
