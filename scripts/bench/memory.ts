// Benchmark 3: resident memory while ingesting events, against the RSS after bare inserts of as many.
// Runs in its own process (node --expose-gc) so earlier benchmarks' heaps do not blur the numbers.
import { mb, signedMb, type BenchRow } from "./report";
import { createAccount, seedPromoters, subscribeEvents } from "./seed";
import { ingestAll, insertAll } from "./ingestion";

const EVENTS = 5000;
const SAMPLE_EVERY = 500;
const WARM_UP = 100;
// Measured: +13–35 MB on SQLite (its page cache and the allocator; the V8 heap stays flat) and
// about 0 on PostgreSQL. 100 MB is what a leak of 20 KB per event (a retained transaction, a
// per-event cache entry) adds over 5,000 events.
const MAX_GROWTH_MB = 100;

const gc = (globalThis as { gc?: () => void }).gc;

function settled() {
  gc?.();
  gc?.();
  return process.memoryUsage();
}

export async function benchMemory(): Promise<BenchRow[]> {
  const measured = await createAccount("memorymeasured");
  const baseline = await createAccount("memorybaseline");
  const scenes = (await seedPromoters(measured.id, 200)).map((p) => p.scene);
  const warmUp = subscribeEvents(WARM_UP, scenes, "o_memwarm_");
  await insertAll(baseline.id, warmUp);
  await ingestAll(measured, warmUp);

  const start = settled().rss;
  await insertAll(baseline.id, subscribeEvents(EVENTS, scenes, "o_mem_"));
  const { rss: afterBaseline, heapUsed: heapBefore } = settled();

  const events = subscribeEvents(EVENTS, scenes, "o_mem_");
  let peak = afterBaseline;
  for (let i = 0; i < EVENTS; i += SAMPLE_EVERY) {
    await ingestAll(measured, events.slice(i, i + SAMPLE_EVERY));
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const { rss: afterIngest, heapUsed: heapAfter } = settled();
  const growth = afterIngest - afterBaseline;

  return [
    {
      benchmark: `memory: RSS growth, recordEvent ×${EVENTS.toLocaleString("en-US")}${gc ? "" : " (no gc)"}`,
      measured: `${signedMb(growth)} RSS (peak ${signedMb(peak - afterBaseline)}, heap ${signedMb(heapAfter - heapBefore)})`,
      baseline: `${mb(afterBaseline)} RSS after bare inserts (${signedMb(afterBaseline - start)})`,
      ratio: afterIngest / afterBaseline,
      target: `< ${MAX_GROWTH_MB} MB growth`,
      pass: growth < MAX_GROWTH_MB * 1024 * 1024,
    },
  ];
}
