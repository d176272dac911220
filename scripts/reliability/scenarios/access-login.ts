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
  const attacker = new Browser(ctx.http, "attacker");
  const errors: string[] = [];
  for (let i = 0; i < THROTTLE.maxPerEmail + 1; i++) errors.push((await signIn(attacker, victim.email, `wrong-${i}-password`)).error ?? "ok");
  const right = await signIn(attacker, victim.email, victim.password);
  const lastWrong = errors.at(-1) ?? "";
  ctx.check(
    `brute force: ${THROTTLE.maxPerEmail + 1} wrong passwords, then the right one`,
    `attempt ${THROTTLE.maxPerEmail + 1} and the right password → THROTTLED, no session`,
    `${errors.slice(0, -1).every((e) => e === "CredentialsSignin") ? `${THROTTLE.maxPerEmail} × CredentialsSignin` : errors.join(",")}; then ${lastWrong}; right password → ${right.ok ? "SIGNED IN" : right.error}`,
    lastWrong.startsWith("THROTTLED") && !right.ok && (right.error ?? "").startsWith("THROTTLED"),
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
    for (let i = 0; i <= THROTTLE.maxPerIp; i++) results.push((await signIn(sprayer, `spray-${hex()}@reliability.test`, "wrong-password-1", headers())).error ?? "ok");
    const last = results.at(-1) ?? "";
    ctx.check(
      `password spraying ${label}: ${THROTTLE.maxPerIp + 1} emails`,
      `attempt ${THROTTLE.maxPerIp + 1} → THROTTLED (${THROTTLE.maxPerIp} per IP)`,
      `attempt ${THROTTLE.maxPerIp + 1} → ${last}`,
      last.startsWith("THROTTLED"),
    );
  }
}
