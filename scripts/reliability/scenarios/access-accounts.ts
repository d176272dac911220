// Accounts per user over HTTP: a user limited to one Official Account forges the account switcher's
// cookie for another and still sees only their own account's data, on pages and in exports.
import crypto from "node:crypto";
import { db } from "../../../lib/db";
import type { Context } from "../harness/context";
import { Browser, signIn } from "../harness/session";
import { seedAccount, seedUser } from "../harness/seed";

const hex = () => crypto.randomBytes(4).toString("hex");

export async function accountLimits(ctx: Context) {
  const ours = await seedAccount("limit-ours", ctx.authSecret, { promoters: 1 });
  const theirs = await seedAccount("limit-theirs", ctx.authSecret, { promoters: 1 });
  // Today's follows for both, so the leaderboard and its export list each account's promoter.
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  for (const a of [ours, theirs]) await db().promoterDailyStat.create({ data: { accountId: a.id, promoterId: a.promoters[0].id, day: today, newFollowers: 1 } });
  const agent = { email: `agent-${hex()}@reliability.test`, password: `agent-${hex()}-password` };
  const { id } = await seedUser(agent.email, agent.password, "viewer");
  await db().user.update({ where: { id }, data: { allAccounts: false, accounts: { create: { accountId: ours.id } } } });

  const browser = new Browser(ctx.http, "agent");
  const login = await signIn(browser, agent.email, agent.password, { "x-forwarded-for": `192.0.2.${crypto.randomInt(1, 254)}` });
  browser.setCookie("account", theirs.id); // forged: the account they were not given
  const paths = ["/promoters", "/leaderboard", "/settings", "/api/exports/leaderboard?format=csv"];
  const seen: string[] = [];
  let own = 0;
  for (const p of paths) {
    const res = await browser.request(p);
    if (res.body.includes(ours.promoters[0].name) || res.body.includes(ours.name)) own++;
    for (const marker of [theirs.name, theirs.appId, theirs.promoters[0].name]) if (res.body.includes(marker)) seen.push(`${p} shows ${marker}`);
  }
  ctx.check(
    `accounts per user: a user limited to one account forges the switcher cookie for another (${paths.length} pages and exports)`,
    "their own account's data on each; nothing of the other account",
    login.ok ? `${own}/${paths.length} show their own account; ${seen.length ? seen.join("; ") : "nothing of the other"}` : `sign-in failed: ${login.error}`,
    login.ok && own === paths.length && seen.length === 0,
  );
}
