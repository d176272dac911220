// Benchmark: the cost of 消息转发. The same closed loop as throughput.ts, against the same build, for an
// account that forwards every push to a local upstream (the simulator's upstream backend in this
// process, answering a text reply at once) and one that does not, in alternating rounds. Informational
// for the ratio to the non-forwarding account (forwarding adds one local HTTP round trip per push); the
// target is that every push is still answered 200 with the upstream's reply. Accounts without
// forwarding are measured by throughput.ts against the empty route and must keep that target.
import { db } from "../../../lib/db";
import { startUpstream } from "../../../lib/wechat/simulator/upstream-backend";
import { seedAccount } from "../../reliability/harness/seed";
import type { BenchRow } from "../report";
import { waitForAttribution } from "./attribution";
import { closedLoop, type ClosedLoopResult } from "./closed-loop";
import { httpBench } from "./context";
import { MAX_PREPARED, sequence, subscribePushes } from "./requests";
import { ms } from "./send";

const CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_FORWARD_ROUNDS ?? 5);

const summary = (r: ClosedLoopResult) => `${Math.round(r.perSecond).toLocaleString("en-US")}/s p50 ${ms(r.tally.percentile(50))} p99 ${ms(r.tally.percentile(99))}${r.tally.failed ? `; ${r.tally.describeErrors()}` : ""}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

export async function benchForwarding(): Promise<BenchRow[]> {
  const bench = await httpBench();
  const upstream = await startUpstream();
  try {
    const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 2);
    const options = { connections: CONNECTIONS, warmUpSeconds: 0.5, seconds, timeoutMs: 10_000 };
    const plain = await seedAccount("fwd-off", bench.authSecret, { promoters: 10 });
    const forwarding = await seedAccount("fwd-on", bench.authSecret, { promoters: 10 });
    upstream.backend.configure({ appId: forwarding.appId, token: forwarding.token, text: "upstream {content}" });
    // No upstream Token or key of its own: the account's Token signs the forwarded push (plain mode).
    await db().account.update({ where: { id: forwarding.id }, data: { forwardUrl: `${upstream.url}/__upstream/${forwarding.appId}` } });
    const scenes = plain.promoters.map((p) => p.sceneKey);
    const run = async (account: typeof plain, label: string) => {
      // The forwarding account's follows are answered with the backend's passive reply, not "success".
      const requests = subscribePushes(account, scenes, MAX_PREPARED, label).requests.map((r) => ({ ...r, reply: account === forwarding }));
      const result = await closedLoop(bench.app.port, sequence(requests, false), options);
      await waitForAttribution(account.id, 30_000, 5000);
      return result;
    };
    await run(plain, "fwdwarm0");
    await run(forwarding, "fwdwarm1");
    const rounds: { off: ClosedLoopResult; on: ClosedLoopResult }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always meets the box warmer.
      const first = await (i % 2 ? run(forwarding, `on${i}`) : run(plain, `off${i}`));
      const second = await (i % 2 ? run(plain, `off${i}`) : run(forwarding, `on${i}`));
      const result = i % 2 ? { on: first, off: second } : { off: first, on: second };
      console.log(`  forwarding round ${i + 1}: off ${summary(result.off)} · on ${summary(result.on)}`);
      rounds.push(result);
    }
    const ratios = rounds.map((r) => (r.off.perSecond ? r.on.perSecond / r.off.perSecond : 0));
    const ratio = median(ratios);
    const at = rounds[ratios.indexOf(ratio)];
    const replied = upstream.backend.received.length > 0;
    const failed = rounds.some((r) => r.on.tally.failed || r.off.tally.failed);
    return [
      {
        benchmark: `callback with forwarding to a local upstream, closed loop, ${CONNECTIONS} conns`,
        measured: `${summary(at.on)}; rounds ${ratios.map((x) => x.toFixed(2)).join(" ")}; +${ms(at.on.tally.percentile(50) - at.off.tally.percentile(50))} p50`,
        baseline: `${summary(at.off)} same build, account without forwarding`,
        ratio,
        target: "informational: the cost of one upstream round trip; all pushes answered 200",
        pass: !failed && replied,
      },
    ];
  } finally {
    await upstream.close();
  }
}
