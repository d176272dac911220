// Two app instances on one database (PostgreSQL behind a load balancer, or two processes on one
// SQLite file): each push is delivered to both at once (WeChat's retry reaching the other
// instance), distinct pushes are split between them, and both attribution workers drain the
// same queue. Every event must count exactly once. Against an external deployment (a load
// balancer in front of its instances) both copies go to the balancer, which sends them to its
// instances in turn; the deployment's check confirms from the balancer's log that both answered.
import { createApiKey } from "../../../lib/api-keys/create-api-key";
import { db } from "../../../lib/db";
import { fmt, type Scenario } from "../harness/context";
import { HttpClient, pool } from "../harness/http";
import { deliver, isSuccess, nowSeconds, type EventSpec } from "../harness/push";
import { seedAccount } from "../harness/seed";
import { freePort } from "../harness/server";
import { accountCounts, promoterMismatches } from "../harness/verify";

const SIZES = { fast: { promoters: 10, events: 400, unfollows: 100 }, full: { promoters: 40, events: 3_000, unfollows: 600 } };

export const twoInstances: Scenario = {
  name: "two-instances",
  limits: { fast: { seconds: 120, requests: 1_200 }, full: { seconds: 400, requests: 8_000 } },
  async run(ctx) {
    const size = SIZES[ctx.mode];
    const account = await seedAccount("twoinst", ctx.authSecret, { promoters: size.promoters });
    const second = ctx.external ? null : ctx.server.sibling(await freePort(ctx.server.port + 1, ctx.server.port + 60));
    const http2 = second ? new HttpClient(second.port) : ctx.http;
    if (second) http2.scope(size.events * 2, ctx.signal);
    try {
      await second?.start();
      // Recent CreateTimes (the callback refuses one more than 330 s from the query's timestamp), some shared.
      const base = nowSeconds() - 50;
      const truth = new Map<string, number>();
      const follows: EventSpec[] = Array.from({ length: size.events }, (_, i) => {
        const promoter = account.promoters[i % size.promoters];
        truth.set(promoter.id, (truth.get(promoter.id) ?? 0) + 1);
        return { openid: `o-two-${i}-${account.appId.slice(-6)}`, createTime: base + (i % 100), event: "subscribe", scene: promoter.sceneKey };
      });
      const unfollows: EventSpec[] = follows.slice(0, size.unfollows).map((f) => ({ openid: f.openid, createTime: f.createTime + 30, event: "unsubscribe" }));
      let answers = 0;
      let successes = 0;
      // Half of the follows go to both instances at once; the rest and the unfollows alternate.
      await pool([...follows, ...unfollows], 16, async (spec, i) => {
        const targets = i < size.events / 2 ? [ctx.http, http2] : [i % 2 ? ctx.http : http2];
        const results = await Promise.all(targets.map((client) => deliver(client, account, spec)));
        answers += results.length;
        successes += results.filter(isSuccess).length;
      }, () => ctx.signal.aborted);
      ctx.check("every delivery to either instance answered success", `${fmt(answers)} × success`, `${fmt(successes)} of ${fmt(answers)}`, answers > 0 && successes === answers);

      const counts = await accountCounts(account.id);
      const total = size.events + size.unfollows;
      ctx.check(
        "each event stored and attributed once across both instances",
        `${fmt(total)} events and ledger rows, ${fmt(size.events)} followers and new followers`,
        `${fmt(counts.events)} events, ${fmt(counts.ledger)} ledger, ${fmt(counts.followers)} followers, ${fmt(counts.newFollowersRollup)} new`,
        counts.events === total && counts.ledger === total && counts.followers === size.events && counts.newFollowersRollup === size.events,
      );
      const off = promoterMismatches(truth, counts.promoterRollup);
      ctx.check("per-promoter new followers = truth", `0 of ${size.promoters} off`, off.count ? `${off.count} off [${off.sample.join("; ")}]` : "0 off", off.count === 0);

      // A REST create retried with one Idempotency-Key on both instances at once, then again once settled:
      // the key lives in the database, so one promoter (one permanent code) is created in all.
      const { key } = await createApiKey({ name: "two-instances", accountId: account.id, scope: "read-write" }, { email: "reliability" });
      const create = { method: "POST", body: JSON.stringify({ name: "幂等推广员" }), headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": `two-${account.appId}` } };
      const racing = await Promise.all([ctx.http, http2, ctx.http, http2].map((client) => client.request("/api/v1/promoters", create)));
      const settled = await Promise.all([ctx.http, http2].map((client) => client.request("/api/v1/promoters", create)));
      const ids = new Set(settled.map((r) => (r.status === 201 ? (JSON.parse(r.body) as { id: string }).id : `status ${r.status}`)));
      const created = await db().promoter.count({ where: { accountId: account.id, name: "幂等推广员" } });
      ctx.check(
        "a create retried with one Idempotency-Key on both instances creates one promoter",
        "1 promoter; racing copies 201 or 409; later retries replay the same 201",
        `${created} promoter(s); racing ${racing.map((r) => r.status).join("/")}; retries ${settled.map((r) => `${r.status}${r.headers["idempotent-replayed"] ? " replayed" : ""}`).join("/")}`,
        created === 1 && racing.every((r) => r.status === 201 || r.status === 409) && ids.size === 1 && settled.every((r) => r.status === 201 && r.headers["idempotent-replayed"] === "true"),
      );
    } finally {
      if (second) {
        http2.close();
        await second.kill("SIGKILL");
      }
    }
  },
};
