// Login throttling through next-auth's credentials endpoint: brute force on one email, and spraying
// one password over many emails from one client.
import crypto from "node:crypto";
import { THROTTLE } from "../../../lib/auth/throttle";
import type { Context } from "../harness/context";
import { Browser, signIn } from "../harness/session";
import { seedUser } from "../harness/seed";

const hex = () => crypto.randomBytes(4).toString("hex");

export async function loginThrottle(ctx: Context) {
  const victim = { email: `brute-${hex()}@reliability.test`, password: `brute-${hex()}-password` };
  await seedUser(victim.email, victim.password, "admin");
  // The owner has signed in from their browser before: it carries the email's device cookie.
  const owner = new Browser(ctx.http, "owner");
  const before = await signIn(owner, victim.email, victim.password);
  const attacker = new Browser(ctx.http, "attacker");
  const errors: string[] = [];
  for (let i = 0; i < THROTTLE.freePerPair + 1; i++) errors.push((await signIn(attacker, victim.email, `wrong-${i}-password`)).error ?? "ok");
  const right = await signIn(attacker, victim.email, victim.password);
  const lastWrong = errors.at(-1) ?? "";
  ctx.check(
    `brute force: ${THROTTLE.freePerPair + 1} wrong passwords, then the right one, from the attacker's client`,
    `attempt ${THROTTLE.freePerPair + 1} and the right password → THROTTLED, no session`,
    `${errors.slice(0, -1).every((e) => e === "CredentialsSignin") ? `${THROTTLE.freePerPair} × CredentialsSignin` : errors.join(",")}; then ${lastWrong}; right password → ${right.ok ? "SIGNED IN" : right.error}`,
    lastWrong.startsWith("THROTTLED") && !right.ok && (right.error ?? "").startsWith("THROTTLED"),
  );

  // Many attackers at once, from addresses the proxy would report, exhaust the email's ceiling.
  const guesses = await Promise.all(
    Array.from({ length: 60 }, (_, i) => signIn(new Browser(ctx.http, "swarm"), victim.email, `swarm-${i}-password`, { "x-forwarded-for": `203.0.113.${i + 1}` })),
  );
  const checked = guesses.filter((g) => g.error === "CredentialsSignin").length;
  const after = await signIn(owner, victim.email, victim.password);
  ctx.check(
    "lockout as a weapon: 60 parallel wrong guesses from 60 clients, then the owner from their own browser",
    `at most ${THROTTLE.freePerEmail} guesses reach the password check; the owner still signs in`,
    `${checked} checked, ${guesses.length - checked} THROTTLED; owner before → ${before.ok ? "SIGNED IN" : before.error}, after → ${after.ok ? "SIGNED IN" : after.error}`,
    checked <= THROTTLE.freePerEmail && before.ok && after.ok,
  );

  // The server runs with TRUSTED_PROXY_HOPS=1, as behind one reverse proxy that appends the peer it
  // saw: the client may forge everything to the left of that entry, never the entry itself.
  const ip = () => `198.51.100.${crypto.randomInt(1, 254)}`;
  const fixedIp = ip();
  for (const [label, headers] of [
    ["from one address", () => ({})],
    ["behind a proxy (X-Forwarded-For set)", () => ({ "x-forwarded-for": fixedIp })],
    ["forging a new X-Forwarded-For each time behind the proxy", () => ({ "x-forwarded-for": `${ip()}, ${fixedIp}` })],
  ] as [string, () => Record<string, string>][]) {
    const sprayer = new Browser(ctx.http, "sprayer");
    const results: string[] = [];
    for (let i = 0; i <= THROTTLE.freePerIp; i++) results.push((await signIn(sprayer, `spray-${hex()}@reliability.test`, "wrong-password-1", headers())).error ?? "ok");
    const last = results.at(-1) ?? "";
    ctx.check(
      `password spraying ${label}: ${THROTTLE.freePerIp + 1} emails`,
      `attempt ${THROTTLE.freePerIp + 1} → THROTTLED (${THROTTLE.freePerIp} per IP)`,
      `attempt ${THROTTLE.freePerIp + 1} → ${last}`,
      last.startsWith("THROTTLED"),
    );
  }
}
