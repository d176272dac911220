// npm run bench:profile — where the callback's time goes: starts the app's production build with
// V8's CPU profiler, drives 10 connections of distinct subscribes for a few seconds, stops the
// server and prints the hottest functions (self time) of the request thread and of the pipeline
// thread. Needs a build: BENCH_REUSE_BUILD=/dir npm run bench -- --only throughput makes one in /dir/app.
//
//   BENCH_REUSE_BUILD=/dir tsx scripts/bench/profile-callback.ts [--seconds 8] [--top 25]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "../../lib/db";
import { AppServer, freePort } from "../reliability/harness/server";
import { seedAccount } from "../reliability/harness/seed";
import { createBenchDatabase } from "./database";
import { closedLoop } from "./http/closed-loop";
import { sequence, subscribePushes } from "./http/requests";
import { topFunctions } from "./profile-summary";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "8" }, top: { type: "string", default: "25" } } });

async function main() {
  const dir = path.join(process.env.BENCH_REUSE_BUILD ?? "", "app");
  if (!process.env.BENCH_REUSE_BUILD || !fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error("set BENCH_REUSE_BUILD to a dir holding app/.next (see the header)");
  const database = await createBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const authSecret = "profile-secret-0123456789abcdef0123456789";
  const account = await seedAccount("profile", authSecret, { promoters: 50 });
  const profiles = path.join(database.dataDir, "profiles");
  const port = await freePort(3500, 3599);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, DATA_DIR: database.dataDir, AUTH_SECRET: authSecret };
  const server = new AppServer({ dir, port, env, logFile: path.join(database.dataDir, "server.log"), nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profiles}`] });
  try {
    await server.start();
    const pushes = subscribePushes(account, account.promoters.map((p) => p.sceneKey), 60_000, "profile");
    const result = await closedLoop(port, sequence(pushes.requests, false), { connections: 10, warmUpSeconds: 1, seconds: Number(values.seconds), timeoutMs: 10_000 });
    console.log(`${Math.round(result.perSecond)} pushes/s while profiling (${result.tally.ok} ok)`);
    await server.kill("SIGINT", 10_000); // SIGINT lets V8 write the profiles
    if (process.env.KEEP_PROFILES) fs.cpSync(profiles, process.env.KEEP_PROFILES, { recursive: true });
    for (const file of fs.readdirSync(profiles).filter((f) => f.endsWith(".cpuprofile"))) {
      console.log(`\n${file}\n${topFunctions(path.join(profiles, file), Number(values.top))}`);
    }
  } finally {
    await server.kill("SIGKILL");
    await db().$disconnect();
    await database.drop();
  }
}

void main().then(() => process.exit(0), (error) => (console.error(error), process.exit(1)));
