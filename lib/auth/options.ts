import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { db } from "../db";
import { env } from "../env";
import { clientIp } from "../http";
import { authSecret } from "./auth-secret";
import { authenticate, type SessionUser } from "./authenticate";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, readCookie } from "./device-token";
import { claimsAtSignIn, sessionProblem, type SessionClaims } from "./session-claims";
import { log } from "../log/logger";

// The sliding idle limit: a session unused this long ends (the absolute limit is in session-claims).
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

// Built on first use, not at import, so `next build` neither needs nor creates the secret.
let options: NextAuthOptions | undefined;

async function rememberDevice(token: string) {
  const secure = (env().NEXTAUTH_URL ?? "").startsWith("https://");
  // Set through next/headers: Next merges it into the next-auth route's response.
  (await cookies()).set(DEVICE_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_COOKIE_MAX_AGE_S });
}

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login", error: "/login" },
    logger: {
      error(code, metadata) {
        // A refused session (revoked, expired, disabled) is the check working, not an error worth a stack.
        if (code === "JWT_SESSION_ERROR" && /^session \w+$/.test((metadata as { message?: string })?.message ?? "")) return;
        log().error({ code, metadata }, "next-auth error");
      },
      warn: (code) => log().warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          const result = await authenticate(credentials, { ip: clientIp(headers), deviceToken: readCookie(headers.cookie, DEVICE_COOKIE) });
          if (result.ok) {
            await rememberDevice(result.deviceToken);
            return result.user;
          }
          // next-auth hands a thrown message to the client's signIn() as `error`.
          if (result.reason === "throttled") throw new Error(`THROTTLED:${Math.ceil(result.retryAfterMs / 60_000)}`);
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { ...token, ...claimsAtSignIn(user as unknown as SessionUser) };
        // Every later use (each page's getServerSession, each /api/auth/session poll) re-checks the
        // token against the user; throwing makes next-auth clear the cookie instead of extending it.
        const stored = token.sub ? await db().user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true, disabledAt: true } }) : null;
        const problem = sessionProblem(token as SessionClaims, stored);
        if (problem) throw new Error(`session ${problem}`);
        return token;
      },
      session({ session, token }) {
        const claims = token as SessionClaims;
        if (session.user) Object.assign(session.user, { id: claims.sub, role: claims.role, sv: claims.sv, signedInAt: claims.signedInAt });
        return session;
      },
    },
  };
  return options;
}
