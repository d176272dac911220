// Micro-benchmark of the callback's health counters (lib/health): what one record costs on the hot path.
//   npx tsx scripts/bench/callback-counters.ts [records]
// Reports ns per record for accepted pushes (count + latency bucket) and refusals, over 10 accounts,
// with the cost of an empty loop of the same shape (the clock read and the loop) beside it.
import { CallbackAggregator } from "../../lib/health/callback-aggregator";
import { refusalKind } from "../../lib/health/callback-kinds";

const N = Number(process.argv[2] ?? 1_000_000);
const accounts = Array.from({ length: 10 }, (_, i) => `cm${String(i).padStart(23, "0")}`);
const latencies = Array.from({ length: 1024 }, (_, i) => (i * 7919) % 300);

function time(label: string, run: () => void) {
  run(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    run();
    runs.push(Number(process.hrtime.bigint() - start) / N);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} median ${runs[2].toFixed(1)} ns/record  (best ${runs[0].toFixed(1)}, worst ${runs[4].toFixed(1)})`);
}

let sink = 0;
time("baseline: Date.now() + loop", () => {
  for (let i = 0; i < N; i++) sink += Date.now() & latencies[i & 1023] & accounts[i % 10].length;
});
const agg = new CallbackAggregator();
time("recordAccepted (count + latency)", () => {
  for (let i = 0; i < N; i++) agg.recordAccepted(accounts[i % 10], latencies[i & 1023]);
});
const reason = refusalKind("bad_signature");
time("record (a refusal)", () => {
  for (let i = 0; i < N; i++) agg.record(accounts[i % 10], reason);
});
const rows = agg.drain();
console.log(`${N.toLocaleString("en")} records × 7 runs × 2 kinds → ${rows.length} rows to flush (sink ${sink & 1})`);
