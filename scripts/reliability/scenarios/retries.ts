// Retries and duplicates: every distinct follow delivered several times in shuffled order, plus
// bursts of concurrent copies, must count exactly once, and every delivery must get "success".
import { pool, type HttpResult } from "../harness/http";
import { fmt, shuffle, type Scenario } from "../harness/context";
import { deliver, isSuccess, nowSeconds, type EventSpec } from "../harness/push";
import { seedAccount } from "../harness/seed";
import { latencySummary, statusHistogram } from "../harness/tally";
import { accountCounts, promoterMismatches } from "../harness/verify";

const SIZES = {
  fast: { events: 600, promoters: 50, copies: 4, bursts: 50, burstCopies: 5, concurrency: 16 },
  full: { events: 10_000, promoters: 200, copies: 4, bursts: 500, burstCopies: 5, concurrency: 16 },
};
// WeChat's retries of a push come within ~15 s, with its CreateTime, and the callback refuses a
// CreateTime far from the query's timestamp: the shuffled deliveries go in windows of this many
// events (a few seconds each), every event stamped as its window starts.
const WINDOW_EVENTS = 500;

type Task = { index: number; copies: number };

export const retries: Scenario = {
  name: "retries",
  limits: { fast: { seconds: 120, requests: 5_000 }, full: { seconds: 1_500, requests: 45_000 } },
  async run(ctx) {
    const size = SIZES[ctx.mode];
    const account = await seedAccount("retries", ctx.authSecret, { promoters: size.promoters });
    const truth = new Map<string, number>();
    const events: EventSpec[] = Array.from({ length: size.events }, (_, i) => {
      const promoter = account.promoters[Math.floor(Math.random() * account.promoters.length)];
      truth.set(promoter.id, (truth.get(promoter.id) ?? 0) + 1);
      return { openid: `o-retry-${i}-${account.appId.slice(-6)}`, createTime: 0, event: "subscribe", scene: promoter.sceneKey };
    });
    const tasks: Task[] = events.flatMap((_, index) => Array.from({ length: size.copies }, () => ({ index, copies: 1 })));
    for (const index of shuffle(events.map((_, i) => i)).slice(0, size.bursts)) tasks.push({ index, copies: size.burstCopies });
    const windows = new Map<number, Task[]>();
    for (const task of tasks) {
      const w = Math.floor(task.index / WINDOW_EVENTS);
      if (!windows.has(w)) windows.set(w, []);
      windows.get(w)!.push(task);
    }

    const results: HttpResult[] = [];
    const slow: string[] = []; // when (seconds into the stream) answers took 5 s or more
    const began = performance.now();
    for (const [w, windowTasks] of [...windows].sort((a, b) => a[0] - b[0])) {
      const stamp = nowSeconds();
      for (let i = w * WINDOW_EVENTS; i < Math.min(events.length, (w + 1) * WINDOW_EVENTS); i++) events[i].createTime = stamp - (i % 60);
      await pool(shuffle(windowTasks), size.concurrency, async (task) => {
        const sentAt = (performance.now() - began) / 1000;
        const copies = await Promise.all(Array.from({ length: task.copies }, () => deliver(ctx.http, account, events[task.index])));
        for (const r of copies) if (r.ms >= 5000 || !r.status) slow.push(`${sentAt.toFixed(1)}s:${r.status || r.error}`);
        results.push(...copies);
      }, () => ctx.signal.aborted);
    }
    if (slow.length) ctx.log(`answers ≥ 5 s, by send time: ${slow.slice(0, 40).join(" ")}`);
    const expectedRequests = size.events * size.copies + size.bursts * size.burstCopies;
    ctx.check(
      "every delivery answered success",
      `${fmt(expectedRequests)} × success`,
      statusHistogram(results),
      results.length === expectedRequests && results.every(isSuccess),
    );
    const latency = latencySummary(results.map((r) => r.ms));
    ctx.check("answered within WeChat's 5 s", "max < 5000 ms", `p50 ${latency.p50.toFixed(0)} ms, p99 ${latency.p99.toFixed(0)} ms, max ${latency.max.toFixed(0)} ms`, latency.max < 5000);

    const counts = await accountCounts(account.id);
    ctx.check(
      "stored once: events, followers, ledger, rollup",
      `${fmt(size.events)} each`,
      `${fmt(counts.events)}, ${fmt(counts.followers)}, ${fmt(counts.ledger)}, ${fmt(counts.newFollowersRollup)}`,
      [counts.events, counts.followers, counts.ledger, counts.newFollowersRollup].every((n) => n === size.events),
    );
    const rollup = promoterMismatches(truth, counts.promoterRollup);
    const ledger = promoterMismatches(truth, counts.promoterLedger);
    ctx.check(
      "per-promoter new followers = truth",
      `0 of ${size.promoters} promoters off`,
      rollup.count + ledger.count === 0 ? `0 off (rollup and ledger)` : `rollup ${rollup.count} off [${rollup.sample.join("; ")}], ledger ${ledger.count} off`,
      rollup.count === 0 && ledger.count === 0,
    );
  },
};
