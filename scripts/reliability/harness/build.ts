// A production build in a private copy of the repository, so the suite never touches the repo's
// own .next (a concurrent `next build` there stays undisturbed).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Top-level entries that are not sources: dependencies, build output, local data, reports, secrets.
const SKIP = new Set(["node_modules", ".next", "data", "test-results", "playwright-report", ".git", "tsconfig.tsbuildinfo"]);
const isEnvFile = (name: string) => name === ".env" || name.startsWith(".env.");

export type Build = { dir: string; reused: boolean; seconds: number; cleanup: () => void };

export const nextBin = (dir: string) => path.join(dir, "node_modules", "next", "dist", "bin", "next");

/**
 * Turbopack refuses a node_modules symlinked from outside the project root, so the copy gets
 * node_modules as hard links (instant on one filesystem), or as a full copy when /tmp is elsewhere.
 */
function linkNodeModules(repoRoot: string, dir: string) {
  const from = path.join(repoRoot, "node_modules");
  const to = path.join(dir, "node_modules");
  const linked = spawnSync("cp", ["-al", from, to], { stdio: "ignore" });
  if (linked.status === 0) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

function copySources(repoRoot: string, dir: string) {
  for (const name of fs.readdirSync(repoRoot)) {
    if (SKIP.has(name) || isEnvFile(name)) continue;
    fs.cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true, verbatimSymlinks: true });
  }
  linkNodeModules(repoRoot, dir);
}

function runBuild(dir: string, logFile: string, timeoutMs: number): Promise<void> {
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [nextBin(dir), "build"], {
    cwd: dir,
    stdio: ["ignore", log, log],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(log);
      if (code === 0) resolve();
      else {
        const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
        reject(new Error(`next build failed (${signal ?? `exit ${code}`}); last lines of ${logFile}:\n${tail}`));
      }
    });
  });
}

/**
 * RELIABILITY_REUSE_BUILD=/dir uses a directory that already holds a production build (.next) and
 * node_modules, e.g. one kept by RELIABILITY_KEEP_BUILD=1. Otherwise: copy, build, and (unless kept)
 * delete the copy at the end.
 */
export async function prepareBuild(repoRoot: string, workDir: string): Promise<Build> {
  const started = Date.now();
  const reuse = process.env.RELIABILITY_REUSE_BUILD;
  if (reuse) {
    const dir = path.resolve(reuse);
    for (const need of [path.join(dir, ".next", "BUILD_ID"), nextBin(dir)]) {
      if (!fs.existsSync(need)) throw new Error(`RELIABILITY_REUSE_BUILD=${reuse}: ${need} is missing`);
    }
    return { dir, reused: true, seconds: 0, cleanup: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-reliability-build-"));
  const cleanup = () => {
    if (process.env.RELIABILITY_KEEP_BUILD === "1") console.log(`kept the build at ${dir} (RELIABILITY_REUSE_BUILD=${dir} reuses it)`);
    else fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    copySources(repoRoot, dir);
    await runBuild(dir, path.join(workDir, "next-build.log"), 10 * 60_000);
  } catch (error) {
    cleanup();
    throw error;
  }
  return { dir, reused: false, seconds: (Date.now() - started) / 1000, cleanup };
}
