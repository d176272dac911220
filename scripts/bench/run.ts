// npm run bench — performance benchmarks on a throwaway database. Each line compares the code under
// test with a baseline measured in the same run on the same database and reports the ratio against
// a target; the exit code is non-zero when a target is missed. Never part of `npm test`.
//
//   npm run bench                     a fresh SQLite file in a temp dir
//   npm run bench -- --pg [--only …]  a fresh database on BENCH_DATABASE_URL's server
//                                     (default postgresql://postgres@127.0.0.1:5432/postgres)
//   --only ingestion,leaderboard,memory,throughput,burst,forwarding,consumers
//   --seconds 2    throughput: measured seconds per phase (after a 0.5 s warm-up; BENCH_HTTP_ROUNDS=11 rounds)
//   --rate 500 --duration 60   burst: pushes per second and seconds
//   --followers 100000   leaderboard: a smaller account than the 1,000,000 (a quick look)
//
// throughput and burst drive production builds (`next start`) of the app and of an empty route
// over HTTP; BENCH_REUSE_BUILD=/dir keeps those builds in /dir and reuses them (scripts/bench/http).
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBenchDatabase, redact, type BenchDatabase } from "./database";
import { textTable, type BenchRow } from "./report";
import type { WorkerMessage } from "./worker";

const DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
// Memory runs in a process of its own, so no other benchmark's heap can blur it; the leaderboard's
// million-follower account gets a database and a process of its own too; the HTTP benchmarks share
// two builds and servers. Each group gets a fresh database.
const GROUPS = [["ingestion"], ["leaderboard"], ["memory"], ["throughput", "burst", "forwarding", "consumers"]];

const { values } = parseArgs({
  options: { pg: { type: "boolean", default: false }, only: { type: "string" }, seconds: { type: "string" }, rate: { type: "string" }, duration: { type: "string" }, followers: { type: "string" } },
});
const numeric = Object.entries({ BENCH_HTTP_SECONDS: values.seconds, BENCH_BURST_RATE: values.rate, BENCH_BURST_SECONDS: values.duration, BENCH_FOLLOWERS: values.followers }).filter(([, v]) => v !== undefined);
for (const [name, value] of numeric) {
  if (!(Number(value) > 0)) throw new Error(`${name}: expected a positive number, got ${value}`);
}
const only = values.only?.split(",").map((s) => s.trim());
const serverUrl = values.pg || process.env.BENCH_DATABASE_URL ? (process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL) : undefined;

let worker: ChildProcess | undefined;
let database: BenchDatabase | undefined;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // SIGTERM first: the HTTP worker kills its servers and removes its builds before exiting.
    worker?.kill("SIGTERM");
    const killer = setTimeout(() => worker?.kill("SIGKILL"), 5000);
    const exited = worker && worker.exitCode === null ? new Promise((resolve) => worker!.once("exit", resolve)) : Promise.resolve();
    void exited.then(() => (clearTimeout(killer), database?.drop())).finally(() => process.exit(130));
  });
}

function runWorker(names: string[], { url, dataDir }: BenchDatabase): Promise<BenchRow[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...Object.fromEntries(numeric), NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: "1", DATABASE_URL: url, DATA_DIR: dataDir, AUTH_SECRET: "bench-secret-0123456789abcdef-0123456789" };
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
  const cpus = os.cpus();
  const rows: BenchRow[] = [];
  let provider = "";
  for (const names of groups) {
    database = await createBenchDatabase(serverUrl);
    provider = database.provider;
    console.log(`database: ${provider} ${redact(database.url)} · ${cpus.length} × ${cpus[0]?.model ?? "?"} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · node ${process.version} · load ${os.loadavg()[0].toFixed(1)}`);
    try {
      rows.push(...(await runWorker(names, database)));
    } catch (error) {
      // One group's crash must not hide the other groups' rows.
      console.error(`${names.join(", ")}: ${(error as Error).message}`);
      rows.push({ benchmark: names.join(", "), measured: (error as Error).message.split("\n")[0].slice(0, 100), baseline: "–", ratio: NaN, target: "completes", pass: false });
    } finally {
      await database.drop().catch((e) => console.error(`could not drop the bench database: ${(e as Error).message}`));
      database = undefined;
    }
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
