// Benchmark: a burst, open loop — distinct first follows at a fixed rate (500/s for 60 s unless
// --rate/--duration say otherwise), against the empty route's latency at the same rate. Then, once
// the attribution pipeline has drained, the counts must be exact and the lag from acknowledgement
// to attribution (WechatEvent.attributedAt − receivedAt) short.
import { seedAccount } from "../../reliability/harness/seed";
import type { BenchRow } from "../report";
import { attributionCounts, attributionLag, waitForAttribution } from "./attribution";
import { httpBench, logTail } from "./context";
import { openLoop, type OpenLoopResult } from "./open-loop";
import { closedLoop } from "./closed-loop";
import { MAX_PREPARED, sequence, subscribePushes } from "./requests";
import { ms } from "./send";

const PROMOTERS = 50;
const MAX_SOCKETS = 512;
const ANSWER_WITHIN_MS = 5000; // WeChat's own time-out
const P99_MS = 1000;
const LAG_P99_MS = 2000;
const DRAIN_TIMEOUT_MS = 60_000;
const WARM_UP_SECONDS = 8;

const fmt = (n: number) => n.toLocaleString("en-US");
// Rows travel to run.ts as JSON, where NaN would arrive as null.
const finite = (n: number) => (Number.isFinite(n) ? n : 0);
const latency = (r: OpenLoopResult) => `p50 ${ms(r.tally.percentile(50))} p99 ${ms(r.tally.percentile(99))} max ${ms(r.tally.percentile(100))}`;
const describe = (r: OpenLoopResult) =>
  [
    latency(r),
    r.tally.describeErrors(),
    `peak ${fmt(r.peakInFlight)} in flight, ${fmt(r.socketsUsed)} sockets opened`,
    r.peakInFlight > MAX_SOCKETS ? "waited for sockets" : "",
    r.maxDepartureLagMs > 100 ? `sender ${ms(r.maxDepartureLagMs)} late` : "",
  ]
    .filter(Boolean)
    .join("; ");

export async function benchBurst(): Promise<BenchRow[]> {
  const bench = await httpBench();
  const rate = Number(process.env.BENCH_BURST_RATE ?? 500);
  const seconds = Number(process.env.BENCH_BURST_SECONDS ?? 60);
  const count = Math.round(rate * seconds);
  const account = await seedAccount("burst", bench.authSecret, { promoters: PROMOTERS });
  const scenes = account.promoters.map((p) => p.sceneKey);
  // Warm-up pushes go to an account of their own, so they never mix with the burst's counts.
  const warmAccount = await seedAccount("burstwarm", bench.authSecret, { promoters: PROMOTERS });
  const options = { rate, timeoutMs: ANSWER_WITHIN_MS, maxSockets: MAX_SOCKETS };

  // A fresh `next start` serves at about half speed until its JIT warms up: warm both first, so
  // the burst measures the server, not its first seconds (throughput does the same).
  for (const [server, label] of [[bench.empty, "burstwarmempty"], [bench.app, "burstwarmapp"]] as const) {
    await closedLoop(server.port, sequence(subscribePushes(warmAccount, warmAccount.promoters.map((p) => p.sceneKey), MAX_PREPARED, label).requests, false), { connections: 10, warmUpSeconds: 0, seconds: WARM_UP_SECONDS, timeoutMs: ANSWER_WITHIN_MS });
  }
  await waitForAttribution(warmAccount.id, DRAIN_TIMEOUT_MS, 15_000);

  const empty = await openLoop(bench.empty.port, subscribePushes(account, scenes, count, "burstempty").requests, options);
  console.log(`  burst empty route: ${describe(empty)}`);
  const pushes = subscribePushes(account, scenes, count, "burst");
  const measured = await openLoop(bench.app.port, pushes.requests, options);
  console.log(`  burst callback: ${describe(measured)}`);
  if (measured.tally.failed) console.log(`  last lines of the app's log:\n${logTail(bench.app)}`);

  const drain = await waitForAttribution(account.id, DRAIN_TIMEOUT_MS, 15_000);
  const expected = new Map(account.promoters.map((p) => [p.id, pushes.perScene.get(p.sceneKey) ?? 0]));
  const counts = await attributionCounts(account.id, expected);
  const lag = await attributionLag(account.id);
  const exact =
    counts.events === count && counts.ledger === count && counts.promoterNewFollowers === count && counts.accountNewFollowers === count && counts.exactPromoters === counts.promoters;
  const maxMs = measured.tally.percentile(100);
  const p99 = measured.tally.percentile(99);
  const label = `burst: ${fmt(rate)}/s × ${seconds} s open loop`;
  return [
    {
      benchmark: `${label}, acknowledgements`,
      measured: describe(measured),
      baseline: `${describe(empty)} empty route`,
      ratio: finite(p99 / empty.tally.percentile(99)),
      // When the empty route fails too, the machine cannot serve this rate at all: try a lower --rate.
      target: `all 200 success ≤ ${ANSWER_WITHIN_MS / 1000} s, p99 < ${ms(P99_MS)}${empty.tally.failed ? " (the empty route fails too)" : ""}`,
      pass: measured.tally.failed === 0 && maxMs <= ANSWER_WITHIN_MS && p99 < P99_MS && empty.tally.failed === 0,
    },
    {
      benchmark: `${label}, counts after the drain`,
      measured: `${fmt(counts.events)} events, ${fmt(counts.ledger)} ledger rows, newFollowers ${fmt(counts.promoterNewFollowers)} (promoters) / ${fmt(counts.accountNewFollowers)} (account), ${counts.exactPromoters}/${counts.promoters} promoters exact`,
      baseline: `${fmt(count)} pushes sent`,
      ratio: finite(counts.events / count),
      target: "all equal to pushes sent",
      pass: exact && drain.drained,
    },
    {
      benchmark: `${label}, attribution lag`,
      measured: drain.drained ? `p50 ${ms(lag.p50)} p99 ${ms(lag.p99)} max ${ms(lag.max)}` : `not drained: ${drain.reason}`,
      baseline: `${drain.drained ? "drained" : "gave up"} ${(drain.waitedMs / 1000).toFixed(1)} s after the burst`,
      ratio: finite(lag.p99 / LAG_P99_MS),
      target: `p99 < ${ms(LAG_P99_MS)} (ratio: p99 ÷ ${ms(LAG_P99_MS)})`,
      pass: drain.drained && lag.count === count && lag.p99 < LAG_P99_MS,
    },
  ];
}
