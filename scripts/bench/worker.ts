// One benchmark process: runs the named benchmarks against DATABASE_URL (set by run.ts) and sends
// the result rows to the parent over IPC. Started by run.ts as node --expose-gc --import tsx.
import { db } from "../../lib/db";
import { benchBurst } from "./http/burst";
import { benchConsumers } from "./http/consumers";
import { closeHttpBench } from "./http/context";
import { benchForwarding } from "./http/forwarding";
import { benchThroughput } from "./http/throughput";
import { benchIngestion } from "./ingestion";
import { benchLeaderboard } from "./leaderboard";
import { benchMemory } from "./memory";
import type { BenchRow } from "./report";

const BENCHMARKS: Record<string, () => Promise<BenchRow[]>> = {
  ingestion: benchIngestion,
  leaderboard: benchLeaderboard,
  memory: benchMemory,
  throughput: benchThroughput,
  burst: benchBurst,
  forwarding: benchForwarding,
  consumers: benchConsumers,
};

export type WorkerMessage = { rows: BenchRow[] } | { error: string };

async function main(names: string[]): Promise<WorkerMessage> {
  const rows: BenchRow[] = [];
  try {
    for (const name of names) {
      const bench = BENCHMARKS[name];
      if (!bench) throw new Error(`unknown benchmark ${name}`);
      const started = Date.now();
      rows.push(...(await bench()));
      console.log(`- ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    return { rows };
  } catch (error) {
    return { error: (error as Error).stack ?? String(error) };
  } finally {
    await closeHttpBench();
    await db().$disconnect();
  }
}

void main(process.argv.slice(2)).then((message) => {
  if (!process.send) throw new Error("worker.ts is started by scripts/bench/run.ts");
  process.send(message, () => process.disconnect());
});
