// Benchmark 2 (issue 9, item 3): the leaderboard at scale. 1,000 promoters × 1,000,000 followers ×
// 30 days, seeded in bulk as the pipeline would have written them. The leaderboard API, the
// leaderboard page, the promoter list and a promoter's private page must each take under 100 ms of
// server time and be at least 20× faster than a naive GROUP BY over the raw event log, timed in the
// same run on the same database; serving them again and again must not grow the heap.
// BENCH_FOLLOWERS (npm run bench -- --followers 100000) scales it down for a quick look; the naive
// query shrinks with it, so the 20× bars are only meaningful at the 1,000,000.
import { mb, ms, signedMb, type BenchRow } from "./report";
import { checkScale } from "./scale/check-scale";
import { heapAcross, timeAgainstBaseline } from "./scale/measure";
import { naiveLeaderboard } from "./scale/naive-leaderboard";
import { seedScale, SCALE_DAYS, SCALE_PROMOTERS } from "./scale/seed-scale";
import { serveLeaderboardApi, serveLeaderboardPage, servePrivatePage, servePromoterList } from "./scale/serve";

// The bars. Measured at 1,000,000 followers (1.23 M events, 28,300 rollup rows) on a 2-core
// box with another benchmark running (medians of 21; baseline medians of 7; two runs each), per
// surface below as "SQLite / PostgreSQL 15". SQLite's naive query takes 7.9–8.3 s (its planner
// walks an (accountId, …) index and reads every row; a forced table scan still takes ~2.9 s);
// PostgreSQL's 407–421 ms, a parallel scan with two workers. On PostgreSQL every surface passes
// 100 ms but misses 20×: the board and the rank sum all 28,300 rollup rows of the range (a seq scan
// and hash aggregate of ~30 ms in PostgreSQL's executor, against 1.23 M event rows, only ~43× more,
// scanned in parallel), and each further query of a page costs 2–4 ms through Prisma. Closing it
// takes fewer rows per request than one per promoter and day (e.g. cumulative totals, two rows per
// promoter for any range), which the attribution worker would have to write.
const MAX_SERVER_MS = 100;
const MIN_SPEEDUP = 20;
// After a warm-up, 100 rounds of every surface serve ~100 MB of response bodies and query results.
// Keeping one API response (1,000 rows, ~250 kB of JSON) or one board per round — a per-request
// cache keyed by time, a result array pushed onto a module-level list, a Prisma client or a pg pool
// made per request — adds 25 MB or more; 10 MB leaves room for V8's own code and feedback caches.
// Measured: +0.3–0.4 MB (SQLite), +0.4–0.5 MB (PostgreSQL).
const MAX_HEAP_GROWTH_MB = 10;
const HEAP_ROUNDS = 100;
const SEARCH = "王"; // one surname in twenty demo names: a LIKE scan of the account's promoters

type Surface = { label: string; run: () => Promise<unknown>; informational?: boolean };

export async function benchLeaderboard(): Promise<BenchRow[]> {
  const s = await seedScale();
  await checkScale(s, SEARCH);

  const surfaces: Record<string, Surface> = {
    // Whole board (limit: Infinity): one statement over the range's rollup rows, then JSON.
    // 47.5–58.4 ms (141–166×) / 66.2–68.8 ms (6.1–6.2×).
    api: { label: "GET /api/v1/leaderboard JSON, all 1,000 rows", run: () => serveLeaderboardApi(s) },
    // 50.0–56.5 ms / 64.9–70.0 ms.
    csv: { label: "GET /api/v1/leaderboard?format=csv", run: () => serveLeaderboardApi(s, "csv"), informational: true },
    // Page 1 of 50 sorted in the database, the account's daily trend and totals, in Promise.all.
    // 31.0–33.4 ms (247–255×) / 55.5–56.5 ms (7.3–7.5×).
    page: { label: "leaderboard page data, page 1", run: () => serveLeaderboardPage(s) },
    // listPromoters (page + count), the page's rollup totals, unmapped scenes, budget, picker.
    // 35.9–39.1 ms (202–230×) / 31.8–34.8 ms (12.1–12.8×); the search 40.7–44.3 ms (186–194×) /
    // 31.1–33.1 ms (12.7–13.1×).
    list: { label: "promoter list page data, page 1", run: () => servePromoterList(s) },
    search: { label: `promoter list page data, q="${SEARCH}"`, run: () => servePromoterList(s, SEARCH) },
    // Token lookup, 30-day and all-time totals, trend and rank among all promoters.
    // 19.2–20.6 ms (400–412×) / 42.8–45.6 ms (9.2–9.5×).
    private: { label: "private page data (top promoter)", run: () => servePrivatePage(s) },
  };
  const timed = await timeAgainstBaseline(() => naiveLeaderboard(s), Object.fromEntries(Object.entries(surfaces).map(([k, v]) => [k, v.run])));
  const heap = await heapAcross(Object.fromEntries(Object.entries(surfaces).filter(([, v]) => !v.informational).map(([k, v]) => [k, v.run])), HEAP_ROUNDS);

  const scale = `${SCALE_PROMOTERS.toLocaleString("en-US")} promoters × ${s.followers.toLocaleString("en-US")} followers × ${SCALE_DAYS} d`;
  const baseline = `${ms(timed.baseline)} naive GROUP BY, ${(s.events / 1e6).toFixed(2)} M events`;
  const rows: BenchRow[] = Object.entries(surfaces).map(([key, { label, informational }]) => {
    const measured = timed.medians[key];
    const speedup = timed.baseline / measured;
    return {
      benchmark: `${label} (${scale})`,
      measured: `${ms(measured)} median of ${timed.runs}`,
      baseline,
      ratio: speedup,
      target: informational ? "informational" : `< ${MAX_SERVER_MS} ms and ≥ ${MIN_SPEEDUP}× faster`,
      pass: informational || (measured < MAX_SERVER_MS && speedup >= MIN_SPEEDUP),
    };
  });
  const growth = heap.after.heapUsed - heap.before.heapUsed;
  rows.push({
    benchmark: `leaderboard surfaces: heap after ${HEAP_ROUNDS} rounds${heap.forcedGc ? "" : " (no gc)"}`,
    measured: `${signedMb(growth)} heap (RSS ${signedMb(heap.after.rss - heap.before.rss)}, peak ${signedMb(heap.peakRss - heap.before.rss)})`,
    baseline: `${mb(heap.before.heapUsed)} heap after warm-up`,
    ratio: heap.after.heapUsed / heap.before.heapUsed,
    target: `≤ ${MAX_HEAP_GROWTH_MB} MB heap growth`,
    pass: growth <= MAX_HEAP_GROWTH_MB * 1024 * 1024,
  });
  return rows;
}
