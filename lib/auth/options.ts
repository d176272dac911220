import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "./auth-secret";
import { authenticate } from "./authenticate";
import { clientIp } from "../http";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

// Built on first use, not at import, so `next build` neither needs nor creates the secret.
let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await authenticate(credentials, clientIp(req.headers ?? {}));
          if (result.ok) return result.user;
          // next-auth hands a thrown message to the client's signIn() as `error`.
          if (result.reason === "throttled") throw new Error(`THROTTLED:${Math.ceil(result.retryAfterMs / 60_000)}`);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.role = (user as { role?: string }).role;
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub, role: token.role });
        return session;
      },
    },
  };
  return options;
}
