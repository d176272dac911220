// npm run bench — performance benchmarks on a throwaway database. Each line compares the code under
// test with a baseline measured in the same run on the same database and reports the ratio against
// a target; the exit code is non-zero when a target is missed. Never part of `npm test`.
//
//   npm run bench                     a fresh SQLite file in a temp dir
//   npm run bench -- --pg [--only …]  a fresh database on BENCH_DATABASE_URL's server
//                                     (default postgresql://postgres@127.0.0.1:5432/postgres)
//   --only ingestion,leaderboard,memory
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBenchDatabase, redact, type BenchDatabase } from "./database";
import { textTable, type BenchRow } from "./report";
import type { WorkerMessage } from "./worker";

const DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
// Memory runs in a process of its own, so the leaderboard's 10,000-promoter heap cannot blur it.
const GROUPS = [["ingestion", "leaderboard"], ["memory"]];

const { values } = parseArgs({ options: { pg: { type: "boolean", default: false }, only: { type: "string" } } });
const only = values.only?.split(",").map((s) => s.trim());
const serverUrl = values.pg || process.env.BENCH_DATABASE_URL ? (process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL) : undefined;

let worker: ChildProcess | undefined;
let database: BenchDatabase | undefined;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    worker?.kill("SIGKILL");
    void Promise.resolve(database?.drop()).finally(() => process.exit(130));
  });
}

function runWorker(names: string[], { url, dataDir }: BenchDatabase): Promise<BenchRow[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: url, DATA_DIR: dataDir, AUTH_SECRET: "bench-secret-0123456789abcdef-0123456789" };
  const child = (worker = fork(path.join("scripts", "bench", "worker.ts"), names, { env, execArgv: ["--expose-gc", "--import", "tsx"] }));
  return new Promise((resolve, reject) => {
    let message: WorkerMessage | undefined;
    child.on("message", (m) => (message = m as WorkerMessage));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (message && "rows" in message) resolve(message.rows);
      else reject(new Error(message?.error ?? `benchmark worker exited with code ${code}`));
    });
  });
}

async function main() {
  const started = Date.now();
  const groups = GROUPS.map((g) => g.filter((name) => !only || only.includes(name))).filter((g) => g.length);
  if (!groups.length) throw new Error(`--only: choose from ${GROUPS.flat().join(", ")}`);
  database = await createBenchDatabase(serverUrl);
  const cpus = os.cpus();
  console.log(`database: ${database.provider} ${redact(database.url)} · ${cpus.length} × ${cpus[0]?.model ?? "?"} · node ${process.version}`);
  const { provider } = database;
  const rows: BenchRow[] = [];
  try {
    for (const names of groups) rows.push(...(await runWorker(names, database)));
  } finally {
    await database.drop().catch((e) => console.error(`could not drop the bench database: ${(e as Error).message}`));
  }
  console.log(`\n${textTable(rows)}\n`);
  const failed = rows.filter((r) => !r.pass).length;
  console.log(`${provider}: ${rows.length - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
