// What the HTTP benchmarks share within one worker process: the two builds and their servers, the
// app on DATABASE_URL (the run's throwaway database), both started once with `next start` and
// NODE_ENV=production, and always killed at the end (see processes.ts).
import fs from "node:fs";
import path from "node:path";
import { AppServer, freePort } from "../../reliability/harness/server";
import { prepareBuilds, type Builds } from "./builds";
import { removeDir, tempDir, trackProcess } from "./processes";

export type HttpBench = { app: AppServer; empty: AppServer; authSecret: string; workDir: string };

// Environment the app would otherwise pick up and that must not leak into the servers.
const SCRUB = /^(DATABASE_URL|DATA_DIR|AUTH_SECRET|NEXTAUTH_SECRET|NEXTAUTH_URL|PORT|HOST|TRUSTED_PROXY_HOPS|WECHAT_.*)$/;

function serverEnv(port: number, authSecret: string): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SCRUB.test(key)));
  return {
    ...base,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_DIR: process.env.DATA_DIR,
    AUTH_SECRET: authSecret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    WECHAT_API_BASE: "http://127.0.0.1:9", // nothing listens there: no WeChat API call leaves the machine
  };
}

let builds: Builds | undefined;
let workDir: string | undefined;
let shared: Promise<HttpBench> | undefined;
const servers: AppServer[] = [];

async function startServer(dir: string, name: string, ports: [number, number], authSecret: string, logDir: string) {
  const port = await freePort(...ports);
  const server = new AppServer({ dir, port, env: serverEnv(port, authSecret), logFile: path.join(logDir, `${name}.log`) });
  servers.push(server);
  trackProcess(() => server.pid);
  const seconds = await server.start();
  console.log(`  ${name}: next start on 127.0.0.1:${port}, healthy after ${seconds.toFixed(1)} s`);
  return server;
}

async function start(): Promise<HttpBench> {
  const authSecret = process.env.AUTH_SECRET;
  if (!authSecret || !process.env.DATABASE_URL) throw new Error("the HTTP benchmarks run in scripts/bench/worker.ts (DATABASE_URL and AUTH_SECRET set)");
  const started = Date.now();
  builds = await prepareBuilds(process.cwd());
  console.log(`  builds (${((Date.now() - started) / 1000).toFixed(0)} s): ${builds.note}`);
  workDir = tempDir("scenecode-bench-http-");
  const app = await startServer(builds.app, "app", [3400, 3449], authSecret, workDir);
  const empty = await startServer(builds.empty, "empty-route", [3450, 3499], authSecret, workDir);
  return { app, empty, authSecret, workDir };
}

/** Builds and starts both servers on first use. */
export function httpBench(): Promise<HttpBench> {
  shared ??= start();
  return shared;
}

/** The last lines of a server's log, for a failure message. */
export function logTail(server: AppServer, lines = 15) {
  return server.logTail(lines).trim() || "(empty log)";
}

/** Stops the servers and removes the builds (unless BENCH_REUSE_BUILD) and logs (BENCH_KEEP_LOGS=/dir keeps a copy of the logs). */
export async function closeHttpBench() {
  if (!shared) return;
  await Promise.all(servers.map((s) => s.kill("SIGTERM", 3000).catch(() => {})));
  builds?.cleanup();
  const keep = process.env.BENCH_KEEP_LOGS; // a directory the servers' logs are copied to
  if (workDir && keep) fs.cpSync(workDir, keep, { recursive: true });
  if (workDir && fs.existsSync(workDir)) removeDir(workDir);
}
