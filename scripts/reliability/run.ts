// Reliability suite: drives the real callback route (and the dashboard) of a production build over
// HTTP on 127.0.0.1 and checks that counts stay exact. See docs/reliability.md.
//
//   tsx scripts/reliability/run.ts [--fast] [--only retries,crashes,…] [--json FILE] [--markdown FILE]
//
// DATABASE_URL=postgresql://… runs it on a throwaway database on that server (else a SQLite file).
// RELIABILITY_REUSE_BUILD=/dir skips the build (a dir with .next and node_modules);
// RELIABILITY_KEEP_BUILD=1 keeps the private build for that; RELIABILITY_PORT picks the port.
// RELIABILITY_TARGET=https://host:port drives a running deployment instead (harness/external.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "../../lib/db";
import { prepareBuild } from "./harness/build";
import { checkRecorder, type Context, type Mode, type Scenario } from "./harness/context";
import { createDatabase, redact, type TestDatabase } from "./harness/database";
import { ExternalServer, externalTarget } from "./harness/external";
import { HttpClient } from "./harness/http";
import { markdownTable, summary, textTable, type CheckRow } from "./harness/report";
import { AppServer, freePort } from "./harness/server";
import { access } from "./scenarios/access";
import { crashes } from "./scenarios/crashes";
import { forgery } from "./scenarios/forgery";
import { hostileInput } from "./scenarios/hostile-input";
import { lockedDb } from "./scenarios/locked-db";
import { pipelineCrashes } from "./scenarios/pipeline-crashes";
import { retries } from "./scenarios/retries";
import { twoInstances } from "./scenarios/two-instances";
import { webhookCrashes } from "./scenarios/webhook-crashes";

const SCENARIOS: Scenario[] = [retries, crashes, pipelineCrashes, webhookCrashes, twoInstances, lockedDb, hostileInput, forgery, access];

const { values } = parseArgs({
  options: { fast: { type: "boolean", default: false }, only: { type: "string" }, json: { type: "string" }, markdown: { type: "string" } },
});
const mode: Mode = values.fast ? "fast" : "full";
const only = values.only?.split(",").map((s) => s.trim()).filter(Boolean);
const external = externalTarget();
const chosen = only ? SCENARIOS.filter((s) => only.includes(s.name)) : SCENARIOS;
if (only && chosen.length !== only.length) {
  console.error(`unknown scenario in --only; choose from: ${SCENARIOS.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const selected = external ? chosen.filter((s) => !s.controlsProcess) : chosen;
const skipped = chosen.filter((s) => !selected.includes(s));

// Environment the app would otherwise pick up and that must not leak into the server under test.
const SCRUB = /^(DATABASE_URL|DATA_DIR|AUTH_SECRET|NEXTAUTH_SECRET|NEXTAUTH_URL|PORT|HOST|TRUSTED_PROXY_HOPS|WECHAT_.*)$/;

function serverEnv(database: TestDatabase, workDir: string, port: number, authSecret: string): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SCRUB.test(key)));
  return {
    ...base,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    DATA_DIR: workDir,
    AUTH_SECRET: authSecret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // Nothing listens on port 9: any WeChat API call fails fast instead of leaving the machine.
    WECHAT_API_BASE: "http://127.0.0.1:9",
    // As deployed behind one reverse proxy that appends the peer address to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: "1",
    // The webhook scenario's receiver listens on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "1",
  };
}

type Base = Omit<Context, "signal" | "check" | "log">;

/** The deployment at RELIABILITY_TARGET, as it is (nothing built, created or dropped). */
async function externalBase(target: NonNullable<typeof external>, parts: Partial<Base>): Promise<Base> {
  const server = new ExternalServer(target.url);
  const seconds = await server.start();
  console.log(`target: ${target.url.origin} (external deployment, checkout ${target.build.dir}), healthy after ${seconds.toFixed(1)} s`);
  console.log(`database: ${target.database.provider} ${redact(target.database.url)} (the deployment's own)`);
  if (skipped.length) console.log(`skipped (they kill, restart or measure the server process): ${skipped.map((s) => s.name).join(", ")}`);
  const http = new HttpClient(server.port, server.tls);
  return Object.assign(parts, { mode, server, http, database: target.database, build: target.build, authSecret: target.authSecret, external: true });
}

/** A private build, a throwaway database and a server of the suite's own; `parts` gets each as it is made. */
async function privateBase(repoRoot: string, workDir: string, parts: Partial<Base>): Promise<Base> {
  const build = (parts.build = await prepareBuild(repoRoot, workDir));
  console.log(build.reused ? `build: reusing ${build.dir}` : `build: ${build.seconds.toFixed(1)} s in a private copy (${build.dir})`);
  const database = (parts.database = await createDatabase(workDir, repoRoot));
  process.env.DATABASE_URL = database.url; // the suite's own Prisma client (lib/db) reads the same database
  process.env.DATA_DIR = workDir;
  console.log(`database: ${database.provider} ${redact(database.url)}`);
  const authSecret = crypto.randomBytes(32).toString("base64url");
  const port = process.env.RELIABILITY_PORT ? Number(process.env.RELIABILITY_PORT) : await freePort(3300, 3399);
  const server = (parts.server = new AppServer({ dir: build.dir, port, env: serverEnv(database, workDir, port, authSecret), logFile: path.join(workDir, "server.log") }));
  const startSeconds = await server.start();
  console.log(`server: pid ${server.pid} on 127.0.0.1:${port}, healthy after ${startSeconds.toFixed(1)} s`);
  const http = (parts.http = new HttpClient(port));
  return Object.assign(parts, { mode, server, http, database, build, authSecret, external: false });
}

async function runScenario(scenario: Scenario, base: Base, rows: CheckRow[]) {
  const limits = scenario.limits[mode];
  const controller = new AbortController();
  const check = checkRecorder(scenario.name, rows, () => base.http.sent);
  const started = Date.now();
  console.log(`\n▶ ${scenario.name} (limit ${limits.seconds} s, ${limits.requests.toLocaleString("en-US")} requests)`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await base.server.ensureRunning();
    base.http.scope(limits.requests, controller.signal);
    const ctx: Context = { ...base, signal: controller.signal, check, log: (m) => console.log(`    ${m}`) };
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`time limit of ${limits.seconds} s reached`));
      }, limits.seconds * 1000);
    });
    await Promise.race([scenario.run(ctx), deadline]);
  } catch (error) {
    check("scenario completed", `within ${limits.seconds} s and ${limits.requests.toLocaleString("en-US")} requests`, (error as Error).message, false);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  console.log(`  ${scenario.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const repoRoot = process.cwd();
  if (!fs.existsSync(path.join(repoRoot, "scripts", "reliability", "run.ts"))) throw new Error("run from the repository root");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-reliability-"));
  const started = Date.now();
  const cpu = os.cpus();
  console.log(`Scenecode reliability suite — ${mode}, ${selected.map((s) => s.name).join(", ")}`);
  const load = () => os.loadavg().map((n) => n.toFixed(1)).join(" ");
  const loadAtStart = load();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${loadAtStart}; work dir ${workDir}`);

  const parts: Partial<Base> = {};
  const rows: CheckRow[] = [];
  const cleanup = async () => {
    await parts.server?.kill("SIGKILL").catch(() => {});
    parts.http?.close();
    await db().$disconnect().catch(() => {});
    await parts.database?.drop().catch((e) => console.error(`could not drop the test database: ${(e as Error).message}`));
    parts.build?.cleanup();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanup().finally(() => {
      fs.rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    }));
  }

  try {
    const base = external ? await externalBase(external, parts) : await privateBase(repoRoot, workDir, parts);
    for (const scenario of selected) await runScenario(scenario, base, rows);
  } catch (error) {
    rows.push({ scenario: "setup", check: "build, database and server", requests: 0, expected: "ready", observed: (error as Error).message.split("\n")[0], pass: false, seconds: (Date.now() - started) / 1000 });
    console.error(error);
  }
  const { build, database, server } = parts;

  const failed = rows.some((r) => !r.pass);
  if (failed && server) console.log(`\nlast server log lines:\n${server.logTail(25)}`);
  await cleanup();
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${textTable(rows)}\n`);
  console.log(`${mode} run on ${database?.provider ?? "?"}: ${seconds.toFixed(1)} s total${build && !build.reused ? ` (build ${build.seconds.toFixed(1)} s)` : ""}; load average ${loadAtStart} at start, ${load()} at end`);
  const meta = { mode, provider: database?.provider, seconds, buildSeconds: build?.seconds, cpus: cpu.length, cpuModel: cpu[0]?.model, node: process.version, load: { start: loadAtStart, end: load() }, date: new Date().toISOString() };
  if (values.json) fs.writeFileSync(values.json, JSON.stringify({ ...meta, rows }, null, 2));
  if (values.markdown) fs.writeFileSync(values.markdown, `${markdownTable(rows)}\n`);
  if (failed) console.log(`logs kept in ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
  console.log(summary(rows));
  process.exit(failed ? 1 : 0);
}

void main();
