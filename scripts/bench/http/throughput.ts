// Benchmark: callback throughput, closed loop (10 keep-alive connections), against the empty route
// built and started the same way. Many short rounds (11 of 4 × 2.5 s by default) rotate the order of
// the phases (empty route, the empty app's route that reads its body (informational), distinct first
// follows, re-deliveries of acknowledged pushes); each round gives a ratio to its own empty-route
// phase, a few seconds apart, and the row reports the median round. On this shared 2-core box the
// empty route itself moves by ±30 % from one 8-second phase to the next; short, interleaved phases
// let both sides see the same box, and 11 rounds make the median robust to a spike or two.
import { db } from "../../../lib/db";
import { env } from "../../../lib/env";
import { seedAccount } from "../../reliability/harness/seed";
import type { BenchRow } from "../report";
import { waitForAttribution } from "./attribution";
import { closedLoop, type ClosedLoopResult } from "./closed-loop";
import { httpBench, logTail } from "./context";
import { nowSeconds } from "../../reliability/harness/push";
import { MAX_PREPARED, sequence, subscribePushes, type PreparedRequest } from "./requests";
import { ms } from "./send";
import { withCpu } from "./thread-cpu";

const CONNECTIONS = 10;
const PROMOTERS = 20;
const RETRY_SET = 500;
const RETRY_SET_MAX_AGE_S = 240;
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 11);
const PHASE_WARM_UP_SECONDS = 0.5;
const WARM_UP_SECONDS = 8;
// Issue 9: the callback keeps ≥ 0.8× the empty route's pushes/s on SQLite, ≥ 0.6× on PostgreSQL
// (a network round trip per commit); an acknowledged push re-delivered costs little: ≥ 0.9×.
const TARGET = { sqlite: 0.8, postgresql: 0.6 };
const RETRY_TARGET = 0.9;

type Phase = "empty" | "emptybody" | "callback" | "retry";

/** The same pushes sent to the empty app's body-reading route. */
const toBodyRoute = (requests: PreparedRequest[]) => requests.map((r) => ({ ...r, path: r.path.replace("/api/wechat/", "/api/wechat-body/") }));

const rate = (n: number) => `${Math.round(n).toLocaleString("en-US")}/s`;
const summary = (r: ClosedLoopResult) =>
  [`${rate(r.perSecond)} p50 ${ms(r.tally.percentile(50))} p99 ${ms(r.tally.percentile(99))}`, r.tally.describeErrors(), r.exhausted ? `ran out of requests after ${r.seconds.toFixed(1)} s` : ""].filter(Boolean).join("; ");

/** Each round runs the phases in another order of these four (each phase in each position). */
const ORDERS: Phase[][] = [
  ["empty", "emptybody", "callback", "retry"],
  ["retry", "callback", "emptybody", "empty"],
  ["callback", "empty", "retry", "emptybody"],
  ["emptybody", "retry", "empty", "callback"],
];

/** The index of the median ratio (the lower middle one for an even count: the stricter). */
function medianRound(ratios: number[]) {
  const order = ratios.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  return order[Math.floor((order.length - 1) / 2)][1];
}

export async function benchThroughput(): Promise<BenchRow[]> {
  const bench = await httpBench();
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 2);
  const options = { connections: CONNECTIONS, warmUpSeconds: PHASE_WARM_UP_SECONDS, seconds, timeoutMs: 10_000 };
  const account = await seedAccount("tput", bench.authSecret, { promoters: PROMOTERS });
  const retryAccount = await seedAccount("retry", bench.authSecret, { promoters: PROMOTERS });
  const scenes = account.promoters.map((p) => p.sceneKey);

  // The retry path replays pushes the callback has already acknowledged. The callback refuses a
  // CreateTime more than 330 s from the query's timestamp, and this benchmark runs for minutes: a set
  // older than RETRY_SET_MAX_AGE_S is replaced by a fresh one, delivered once unmeasured before use.
  let retrySets = 0;
  let retryCreateTime = 0;
  const signedRetrySet = () => subscribePushes(retryAccount, scenes, RETRY_SET, `retry${retrySets}`, retryCreateTime).requests; // signed now
  const acknowledgedRetrySet = async () => {
    if (nowSeconds() - retryCreateTime <= RETRY_SET_MAX_AGE_S) return signedRetrySet();
    retrySets++;
    retryCreateTime = nowSeconds();
    const first = await closedLoop(bench.app.port, sequence(signedRetrySet(), false), { ...options, warmUpSeconds: 0, seconds: 120 });
    if (first.tally.ok !== RETRY_SET) throw new Error(`first delivery of the retry set: ${first.tally.describeErrors()}\n${logTail(bench.app)}`);
    await waitForAttribution(retryAccount.id, 30_000, 5000);
    return signedRetrySet();
  };
  await acknowledgedRetrySet();

  // Both servers' JIT warms up before anything counts: the first seconds of a fresh `next start`
  // run at about half speed, which would otherwise land on whichever phase runs first.
  for (const [server, label] of [[bench.empty, "warmempty"], [bench.app, "warmapp"]] as const) {
    await closedLoop(server.port, sequence(subscribePushes(account, scenes, MAX_PREPARED, label).requests, false), { ...options, warmUpSeconds: 0, seconds: WARM_UP_SECONDS });
  }
  await waitForAttribution(account.id, 30_000, 5000);

  const rounds: Record<Phase, ClosedLoopResult>[] = [];
  let acknowledged = 0;
  const run = async (phase: Phase, round: number): Promise<ClosedLoopResult> => {
    const server = phase === "empty" || phase === "emptybody" ? bench.empty : bench.app;
    const fresh = () => subscribePushes(account, scenes, MAX_PREPARED, `${phase}${round}`).requests;
    const next = phase === "retry" ? sequence(await acknowledgedRetrySet(), true) : sequence(phase === "emptybody" ? toBodyRoute(fresh()) : fresh(), false);
    const { result, cpu } = await withCpu(server.pid, () => closedLoop(server.port, next, options), (r) => r.acknowledged);
    console.log(`  throughput round ${round + 1} ${phase}: ${summary(result)}${cpu ? `; ${cpu}` : ""}`);
    if (result.tally.failed) console.log(`  last lines of the ${server === bench.empty ? "empty route's" : "app's"} log:\n${logTail(server)}`);
    if (phase === "callback") {
      acknowledged += result.acknowledged;
      // The next phase must not pay for this one's attribution backlog.
      const drain = await waitForAttribution(account.id, 30_000, 5000);
      if (!drain.drained) console.log(`  attribution after round ${round + 1}: ${drain.reason}`);
    }
    return result;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const order = ORDERS[round % ORDERS.length];
    const results: Partial<Record<Phase, ClosedLoopResult>> = {};
    for (const phase of order) results[phase] = await run(phase, round);
    rounds.push(results as Record<Phase, ClosedLoopResult>);
  }

  const stored = await db().wechatEvent.count({ where: { accountId: account.id } });
  const storedRetries = await db().wechatEvent.count({ where: { accountId: retryAccount.id } });
  const target = TARGET[env().databaseProvider];
  const row = (name: string, phase: "emptybody" | "callback" | "retry", goal: number, extra: string, extraPass: boolean): BenchRow => {
    const ratios = rounds.map((r) => (r.empty.perSecond > 0 ? r[phase].perSecond / r.empty.perSecond : 0));
    const median = medianRound(ratios);
    const failed = rounds.some((r) => r[phase].tally.failed || r.empty.tally.failed);
    // All rounds pooled (total answers over total measured time), beside the median: the two agree
    // when the box was steady.
    const pooled = (p: Phase) => rounds.reduce((a, r) => a + r[p].tally.ok, 0) / rounds.reduce((a, r) => a + r[p].seconds, 0);
    const pooledRatio = pooled(phase) / pooled("empty");
    return {
      benchmark: name,
      measured: [summary(rounds[median][phase]), `rounds ${ratios.map((x) => x.toFixed(2)).join(" ")}`, `all rounds pooled ${pooledRatio.toFixed(2)}×`, extra].filter(Boolean).join("; "),
      baseline: `${summary(rounds[median].empty)} empty route`,
      ratio: ratios[median],
      target: `≥ ${goal}× empty route (median of ${ROUNDS} rounds), all 200 success`,
      pass: ratios[median] >= goal && !failed && extraPass,
    };
  };
  return [
    row(`callback: closed loop, ${CONNECTIONS} conns, distinct subscribes`, "callback", target, stored < acknowledged ? `only ${stored} of ${acknowledged} acknowledged pushes stored` : "", stored >= acknowledged),
    row(`callback: re-delivered acknowledged push`, "retry", RETRY_TARGET, storedRetries !== RETRY_SET * retrySets ? `${storedRetries} events stored for ${RETRY_SET * retrySets} pushes` : "", storedRetries === RETRY_SET * retrySets),
    // Informational (no target): how much of the gap the framework's body reading explains.
    { ...row(`empty route reading its body (informational)`, "emptybody", 0, "", true), target: "informational: the framework's cost of reading a body" },
  ];
}
