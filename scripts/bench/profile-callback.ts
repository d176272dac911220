// npm run bench:profile — where the callback's time goes: starts the app's production build with
// V8's CPU profiler, drives 10 connections of distinct subscribes for a few seconds, stops the
// server and prints the hottest functions (self time) of the request thread and of the pipeline
// thread, and the request thread's time by where the code lives (Next, undici, Node, ours). Needs the
// builds: BENCH_REUSE_BUILD=/dir npm run bench -- --only throughput makes them in /dir/app and /dir/empty.
// --target picks what is driven: the callback with distinct subscribes (callback), the same 500
// acknowledged pushes over and over (retry), distinct subscribes for an account with a webhook endpoint
// (a receiver in this process) and every promoter mapped to a WeChat tag (consumers; WeChat is
// unreachable, so tagging fails and retries), or the empty app's route (empty, emptybody: its body read).
//
//   BENCH_REUSE_BUILD=/dir tsx scripts/bench/profile-callback.ts [--target callback|retry|consumers|empty|emptybody] [--seconds 8] [--top 25] [--prefill 0 [--idle 0]] [--consumers both|tags|webhooks]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "../../lib/db";
import { startWebhookReceiver } from "../../test/webhook-receiver";
import { AppServer, freePort } from "../reliability/harness/server";
import { seedAccount } from "../reliability/harness/seed";
import { createBenchDatabase } from "./database";
import { closedLoop } from "./http/closed-loop";
import { addConsumers } from "./http/consumers";
import { sequence, subscribePushes } from "./http/requests";
import { selfTimeByOrigin, topFunctions } from "./profile-summary";

const { values } = parseArgs({ options: { target: { type: "string", default: "callback" }, seconds: { type: "string", default: "8" }, top: { type: "string", default: "25" }, prefill: { type: "string", default: "0" }, idle: { type: "string", default: "0" }, consumers: { type: "string", default: "both" } } });
const TARGETS = ["callback", "retry", "consumers", "empty", "emptybody"];

// The consumers benchmark's account: follow webhooks to a receiver here and a tag per promoter.
async function withConsumers(account: Awaited<ReturnType<typeof seedAccount>>) {
  const receiver = await startWebhookReceiver();
  await addConsumers(account, receiver, { webhooks: values.consumers !== "tags", tags: values.consumers !== "webhooks" }); // --consumers tags|webhooks|both
  return receiver;
}

async function main() {
  const target = values.target!;
  if (!TARGETS.includes(target)) throw new Error(`--target: one of ${TARGETS.join(", ")}`);
  const dir = path.join(process.env.BENCH_REUSE_BUILD ?? "", target.startsWith("empty") ? "empty" : "app");
  if (!process.env.BENCH_REUSE_BUILD || !fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error("set BENCH_REUSE_BUILD to a dir holding app/.next (see the header)");
  const database = await createBenchDatabase();
  const authSecret = "profile-secret-0123456789abcdef0123456789";
  // The server's secret here too: the webhook endpoint's secret is sealed in this process.
  Object.assign(process.env, { DATABASE_URL: database.url, WEBHOOK_ALLOW_PRIVATE_TARGETS: "1", AUTH_SECRET: authSecret });
  const account = await seedAccount("profile", authSecret, { promoters: 50 });
  const profiles = path.join(database.dataDir, "profiles");
  const port = await freePort(3500, 3599);
  const receiver = target === "consumers" ? await withConsumers(account) : null;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, DATA_DIR: database.dataDir, AUTH_SECRET: authSecret, WEBHOOK_ALLOW_PRIVATE_TARGETS: "1", WECHAT_API_BASE: "http://127.0.0.1:9" };
  const server = new AppServer({ dir, port, env, logFile: path.join(database.dataDir, "server.log"), nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profiles}`] });
  try {
    await server.start();
    const scenes = account.promoters.map((p) => p.sceneKey);
    const options = { connections: 10, warmUpSeconds: 1, seconds: Number(values.seconds), timeoutMs: 10_000 };
    // --prefill S: S seconds of distinct subscribes first (the throughput benchmark's callback phase
    // before a re-delivery phase: a grown heap and full replay memories), not profiled apart.
    if (Number(values.prefill) > 0) {
      await closedLoop(port, sequence(subscribePushes(account, scenes, 60_000, "prefill").requests, false), { ...options, warmUpSeconds: 0, seconds: Number(values.prefill) });
      await new Promise((r) => setTimeout(r, Number(values.idle) * 1000)); // --idle S: then S seconds without load
    }
    let requests = subscribePushes(account, scenes, target === "retry" ? 500 : 60_000, "profile").requests;
    if (target === "retry") await closedLoop(port, sequence(requests, false), { ...options, warmUpSeconds: 0, seconds: 60 }); // acknowledged once
    if (target === "emptybody") requests = requests.map((r) => ({ ...r, path: r.path.replace("/api/wechat/", "/api/wechat-body/") }));
    const result = await closedLoop(port, sequence(requests, target === "retry"), options);
    console.log(`${target}: ${Math.round(result.perSecond)} pushes/s while profiling (${result.tally.ok} ok, ${result.tally.failed} failed)`);
    if (receiver) console.log(`webhooks: ${receiver.received.filter((r) => r.signed).length} signed deliveries received, ${receiver.received.filter((r) => !r.signed).length} unsigned`);
    await server.kill("SIGINT", 10_000); // SIGINT lets V8 write the profiles
    if (process.env.KEEP_PROFILES) fs.cpSync(profiles, process.env.KEEP_PROFILES, { recursive: true });
    for (const file of fs.readdirSync(profiles).filter((f) => f.endsWith(".cpuprofile"))) {
      // The measured seconds only (the profile ends when the load does, give or take the shutdown).
      const lastMs = Number(values.seconds) * 1000;
      console.log(`\n${file} (its last ${values.seconds} s)\n${topFunctions(path.join(profiles, file), Number(values.top), lastMs)}\n${selfTimeByOrigin(path.join(profiles, file), 14, lastMs)}`);
    }
  } finally {
    await server.kill("SIGKILL");
    await receiver?.close();
    await db().$disconnect();
    await database.drop();
  }
}

void main().then(() => process.exit(0), (error) => (console.error(error), process.exit(1)));
