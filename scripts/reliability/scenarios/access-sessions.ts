// Sessions over HTTP: a session cookie minted before a password reset, or before "sign out
// everywhere", stops working on the next request, and /api/auth/session no longer extends it.
import crypto from "node:crypto";
import { resetUserPassword } from "../../../lib/users/reset-user-password";
import { signOutEverywhere } from "../../../lib/users/sign-out-everywhere";
import type { Context } from "../harness/context";
import { Browser, signIn } from "../harness/session";
import { seedUser } from "../harness/seed";

const hex = () => crypto.randomBytes(4).toString("hex");
const LOGIN = /\/login(\?|$)/;

async function state(browser: Browser) {
  const page = await browser.request("/leaderboard");
  const session = await browser.request("/api/auth/session");
  const user = (JSON.parse(session.body || "{}") as { user?: { id?: string } }).user;
  return { signedIn: page.status === 200 && Boolean(user?.id), page: page.status >= 300 && page.status < 400 && LOGIN.test(String(page.headers.location ?? "")) ? "→ /login" : String(page.status) };
}

export async function sessionRevocation(ctx: Context) {
  const operatorEmail = `session-admin-${hex()}@reliability.test`;
  const operator = { id: (await seedUser(operatorEmail, `session-${hex()}-password`, "admin")).id, email: operatorEmail };
  for (const [label, revoke] of [
    ["an admin's password reset", (id: string) => resetUserPassword(id, operator)],
    ["sign out everywhere", (id: string) => signOutEverywhere(id, operator)],
  ] as [string, (id: string) => Promise<unknown>][]) {
    const user = { email: `session-${hex()}@reliability.test`, password: `session-${hex()}-password` };
    const { id } = await seedUser(user.email, user.password, "viewer");
    const browser = new Browser(ctx.http, "session");
    // From an address of its own: the login-throttle checks before may have used up the default one.
    const login = await signIn(browser, user.email, user.password, { "x-forwarded-for": `192.0.2.${crypto.randomInt(1, 254)}` });
    const before = await state(browser);
    const stolen = browser.cookieHeader(); // a copy of the cookie, as a thief would keep it
    await revoke(id);
    const after = await state(browser);
    const replay = await ctx.http.request("/leaderboard", { headers: { cookie: stolen } });
    const replayRefused = replay.status >= 300 && replay.status < 400 && LOGIN.test(String(replay.headers.location ?? ""));
    ctx.check(
      `session: a cookie minted before ${label}`,
      "works before; afterwards the page redirects to /login and /api/auth/session has no user, also for a saved copy",
      `before: ${login.ok && before.signedIn ? "signed in" : `not signed in (${login.error ?? before.page})`}; after: ${after.signedIn ? "STILL SIGNED IN" : after.page}; saved copy: ${replayRefused ? "→ /login" : replay.status}`,
      login.ok && before.signedIn && !after.signedIn && replayRefused,
    );
  }
}
