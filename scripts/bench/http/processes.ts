// Clean-up that must happen however the benchmark process ends: next build / next start children
// are killed and temp dirs removed on a normal exit, an uncaught error, SIGINT or SIGTERM.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const children = new Set<ChildProcess | (() => number | null)>();
const dirs = new Set<string>();
let installed = false;

function killAll() {
  for (const child of children) {
    const pid = typeof child === "function" ? child() : child.exitCode === null && child.signalCode === null ? child.pid : null;
    if (pid) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

function install() {
  if (installed) return;
  installed = true;
  process.on("exit", killAll); // only synchronous work runs here, which is all killAll does
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** Kills the process (a ChildProcess, or a getter of the current pid) if it still runs when we exit. */
export function trackProcess(child: ChildProcess | (() => number | null)) {
  install();
  children.add(child);
  return () => children.delete(child);
}

/** A temp dir removed when the process exits, unless released with keepDir. */
export function tempDir(prefix: string): string {
  install();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export function keepDir(dir: string) {
  dirs.delete(dir);
}

export function removeDir(dir: string) {
  dirs.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}
