// The two production builds the HTTP benchmarks compare, made with the repository's own `next`:
// the app (a private copy of the working tree, as scripts/reliability/harness/build.ts makes it)
// and the empty app of empty-app.ts.
//
// BENCH_REUSE_BUILD=/dir keeps both builds in /dir/app and /dir/empty and reuses any that is
// already built there (delete the dir after changing the sources); otherwise they are made in a
// temp dir removed at the end.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { nextBin } from "../../reliability/harness/build";
import { writeEmptyApp } from "./empty-app";
import { removeDir, tempDir, trackProcess } from "./processes";

// Top-level entries that are not sources (the same list as the reliability harness).
const SKIP = new Set(["node_modules", ".next", "data", "test-results", "playwright-report", ".git", "tsconfig.tsbuildinfo"]);
const BUILD_TIMEOUT_MS = 10 * 60_000;

export type Builds = { app: string; empty: string; note: string; cleanup: () => void };

const isBuilt = (dir: string) => fs.existsSync(path.join(dir, ".next", "BUILD_ID")) && fs.existsSync(nextBin(dir));

/** Turbopack refuses a node_modules symlinked from outside the project root: hard links instead. */
function linkNodeModules(repoRoot: string, dir: string) {
  const from = path.join(repoRoot, "node_modules");
  const to = path.join(dir, "node_modules");
  if (spawnSync("cp", ["-al", from, to], { stdio: "ignore" }).status === 0) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

function copySources(repoRoot: string, dir: string) {
  for (const name of fs.readdirSync(repoRoot)) {
    if (SKIP.has(name) || name === ".env" || name.startsWith(".env.")) continue;
    fs.cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true, verbatimSymlinks: true });
  }
}

function nextBuild(dir: string, logFile: string): Promise<void> {
  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [nextBin(dir), "build"], {
    cwd: dir,
    stdio: ["ignore", log, log],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.closeSync(log);
  const untrack = trackProcess(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      untrack();
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
      reject(new Error(`next build in ${dir} failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}

async function ensureBuilt(repoRoot: string, dir: string, writeSources: () => void): Promise<string> {
  if (isBuilt(dir)) return `reused ${dir}`;
  const started = Date.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  writeSources();
  linkNodeModules(repoRoot, dir);
  await nextBuild(dir, `${dir}-build.log`);
  return `built ${dir} in ${((Date.now() - started) / 1000).toFixed(0)} s`;
}

export async function prepareBuilds(repoRoot: string): Promise<Builds> {
  const reuse = process.env.BENCH_REUSE_BUILD;
  const root = reuse ? path.resolve(reuse) : tempDir("scenecode-bench-build-");
  fs.mkdirSync(root, { recursive: true });
  const cleanup = () => (reuse ? undefined : removeDir(root));
  try {
    const app = path.join(root, "app");
    const empty = path.join(root, "empty");
    const notes = [
      `app: ${await ensureBuilt(repoRoot, app, () => copySources(repoRoot, app))}`,
      `empty route: ${await ensureBuilt(repoRoot, empty, () => writeEmptyApp(repoRoot, empty))}`,
    ];
    return { app, empty, note: notes.join("; "), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
