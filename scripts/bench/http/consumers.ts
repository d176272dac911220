// Benchmark: the callback with the attributed events' consumers switched on (issue 12: "the callback
// benchmark still passes with tags and webhooks enabled"). The same closed loop as throughput.ts,
// against the same build, for an account with outbound webhooks for follows (a signature-checking
// receiver in this process) and every promoter mapped to a WeChat tag, beside the empty route, in alternating rounds; the ratio is the median
// round's. Consumers work after attribution, in the pipeline's thread, never in the request: the
// target is the throughput target itself, and every follow delivered once the run drains. Each round
// also runs the same build for an account without consumers, so the row says what they cost apart
// from the machine's mood (rounds of one run differ by ±10 % on a shared 2-core VM).
import { db } from "../../../lib/db";
import { env } from "../../../lib/env";
import { createEndpoint } from "../../../lib/webhooks/save-endpoint";
import { startWebhookReceiver } from "../../../test/webhook-receiver";
import { seedAccount } from "../../reliability/harness/seed";
import type { BenchRow } from "../report";
import { waitForAttribution } from "./attribution";
import { closedLoop, type ClosedLoopResult } from "./closed-loop";
import { httpBench } from "./context";
import { MAX_PREPARED, sequence, subscribePushes } from "./requests";
import { ms } from "./send";

const CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_CONSUMER_ROUNDS ?? 5);
const TARGET = { sqlite: 0.8, postgresql: 0.6 };
const DELIVERY_WAIT_MS = 180_000;

const summary = (r: ClosedLoopResult) => `${Math.round(r.perSecond).toLocaleString("en-US")}/s p50 ${ms(r.tally.percentile(50))} p99 ${ms(r.tally.percentile(99))}${r.tally.failed ? `; ${r.tally.describeErrors()}` : ""}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function deliveredAll(receiver: Receiver, expected: number) {
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  while (Date.now() < deadline) {
    if (new Set(receiver.received.filter((r) => r.type === "follow" && r.signed).map((r) => r.eventId)).size >= expected) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * The account's consumers (also profile-callback.ts --target consumers): a webhook endpoint for
 * follows and unfollows at `receiver`, and every promoter mapped to a WeChat user tag, so each
 * credited follow is queued for tagging in the attribution batch. (WeChat is unreachable from the
 * benchmark's servers: the tagging calls fail and are retried later.)
 */
export async function addConsumers(account: Awaited<ReturnType<typeof seedAccount>>, receiver: Receiver, { webhooks = true, tags = true } = {}) {
  if (webhooks) {
    const { secret } = await createEndpoint(account.id, { url: receiver.url, events: ["follow", "unfollow"], description: "bench" }, { email: "bench" });
    receiver.state.secret = secret;
  }
  if (tags) await db().tagMapping.createMany({ data: account.promoters.map((p, i) => ({ accountId: account.id, targetType: "promoter", targetId: p.id, wechatTagId: 100 + i, name: `bench-${i}` })) });
}

export async function benchConsumers(): Promise<BenchRow[]> {
  const bench = await httpBench();
  const receiver = await startWebhookReceiver();
  try {
    const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 2);
    const options = { connections: CONNECTIONS, warmUpSeconds: 0.5, seconds, timeoutMs: 10_000 };
    const account = await seedAccount("consumers", bench.authSecret, { promoters: 20 });
    await addConsumers(account, receiver);
    const plain = await seedAccount("consumers-off", bench.authSecret, { promoters: 20 });
    let acknowledged = 0;
    type Phase = "empty" | "off" | "on";
    const run = async (phase: Phase, label: string) => {
      const target = phase === "off" ? plain : account;
      const server = phase === "empty" ? bench.empty : bench.app;
      const result = await closedLoop(server.port, sequence(subscribePushes(target, target.promoters.map((p) => p.sceneKey), MAX_PREPARED, label).requests, false), options);
      if (phase === "on") acknowledged += result.acknowledged;
      if (phase !== "empty") await waitForAttribution(target.id, 30_000, 5000);
      // And for the webhooks to go out: the next phase must not pay for this one's backlog.
      if (phase === "on") await deliveredAll(receiver, await db().attribution.count({ where: { accountId: account.id, kind: "new_follow" } }));
      return result;
    };
    await run("empty", "cwarm0");
    await run("on", "cwarm1");
    await run("off", "cwarm2");
    const ORDERS: Phase[][] = [["empty", "off", "on"], ["on", "empty", "off"], ["off", "on", "empty"]];
    const rounds: Record<Phase, ClosedLoopResult>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const result = {} as Record<Phase, ClosedLoopResult>;
      for (const phase of ORDERS[i % ORDERS.length]) result[phase] = await run(phase, `c${i}${phase}`);
      console.log(`  consumers round ${i + 1}: empty route ${summary(result.empty)} · without consumers ${summary(result.off)} · webhooks and tags on ${summary(result.on)}`);
      rounds.push(result);
    }
    const follows = await db().attribution.count({ where: { accountId: account.id, kind: "new_follow" } });
    const delivered = await deliveredAll(receiver, follows);
    const queued = await db().followerTag.count({ where: { accountId: account.id } });
    const ratios = rounds.map((r) => (r.empty.perSecond ? r.on.perSecond / r.empty.perSecond : 0));
    const ratio = median(ratios);
    const at = rounds[ratios.indexOf(ratio)];
    const alone = median(rounds.map((r) => (r.empty.perSecond ? r.off.perSecond / r.empty.perSecond : 0)));
    const cost = median(rounds.map((r) => (r.off.perSecond ? r.on.perSecond / r.off.perSecond : 0)));
    const failed = rounds.some((r) => r.on.tally.failed || r.empty.tally.failed || r.off.tally.failed);
    const target = TARGET[env().databaseProvider];
    const got = new Set(receiver.received.filter((r) => r.type === "follow").map((r) => r.eventId)).size;
    return [
      {
        benchmark: `callback with webhooks (→ local receiver) and channel tags on, closed loop, ${CONNECTIONS} conns`,
        measured: `${summary(at.on)}; rounds ${ratios.map((x) => x.toFixed(2)).join(" ")}; without consumers ${alone.toFixed(2)}× the empty route, with them ${cost.toFixed(2)}× that; ${acknowledged.toLocaleString("en-US")} acknowledged, ${got.toLocaleString("en-US")} of ${follows.toLocaleString("en-US")} follows delivered signed${delivered ? "" : " (not all within 3 min)"}, ${queued.toLocaleString("en-US")} queued for tagging`,
        baseline: `${summary(at.empty)} empty Next.js route`,
        ratio,
        target: `≥ ${target}× and every follow delivered and queued for its tag`,
        pass: !failed && delivered && queued === follows && ratio >= target,
      },
    ];
  } finally {
    await receiver.close();
  }
}
