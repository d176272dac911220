// npm start: validate config, apply migrations, build when the sources changed, serve.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, loadDotEnv, parseEnv } from "../lib/env";
import { bootstrapAccountFromEnv } from "../lib/accounts/bootstrap-account";
import { authSecret } from "../lib/auth/auth-secret";
import { isSetupDone } from "../lib/auth/create-user";
import { ensureSetupCode } from "../lib/auth/setup-code";
import { withBuildLock } from "./build-lock";

const NEXT = path.join("node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry) || entry.endsWith(`lib${path.sep}generated`)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > built);
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  execFileSync(process.execPath, args, { stdio: "inherit", env });
}

/** Validated config, with the auth secret created once here, before any request needs it. */
function loadConfig() {
  loadDotEnv();
  try {
    const config = parseEnv(process.env);
    authSecret();
    return config;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Start-up failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** The setup code while no admin exists (stored in the database, so it survives restarts), else null. */
async function firstRunSetupCode(preset: string | undefined): Promise<string | null> {
  try {
    if (await isSetupDone()) return null;
    return await ensureSetupCode(preset);
  } catch (error) {
    console.error(`Could not prepare first-run setup: ${(error as Error).message}`);
    process.exit(1);
  }
}

async function main() {
  const config = loadConfig();
  try {
    run([path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("scripts", "db.ts"), "migrate"]);
  } catch {
    console.error(`Could not apply migrations to DATABASE_URL (${config.databaseProvider}); see the error above.`);
    process.exit(1);
  }

  try {
    const bootstrapped = await bootstrapAccountFromEnv();
    if (bootstrapped) console.log(`Official Account ${config.WECHAT_APP_ID} ${bootstrapped} from WECHAT_* variables`);
  } catch (error) {
    console.error(`Could not set up the account from WECHAT_* variables: ${(error as Error).message}`);
    process.exit(1);
  }

  const setupCode = await firstRunSetupCode(config.SETUP_CODE);

  // Checked again under the lock: another instance may just have built it.
  if (buildIsStale()) {
    await withBuildLock(() => {
      if (!buildIsStale()) return;
      console.log("Building the production bundle (first start or changed sources)…");
      run([NEXT, "build"], { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
    });
  }

  const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}`;
  const server = spawn(process.execPath, [NEXT, "start", "-p", String(config.PORT), "-H", config.HOST], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: config.NEXTAUTH_URL ?? url },
  });
  console.log(`Scenecode is starting at ${url} (database: ${config.databaseProvider})`);
  if (setupCode) {
    console.log(`\n  First-run setup: open ${config.NEXTAUTH_URL ?? url}/setup and enter the setup code\n\n      ${setupCode}\n\n  It is printed at every start until setup is done, then stops working.\n`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

void main();
