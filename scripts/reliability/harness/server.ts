// The production server under test, spawned directly (not through npm) so a SIGKILL hits it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { nextBin } from "./build";

export type ServerOptions = { dir: string; port: number; env: NodeJS.ProcessEnv; logFile: string; nodeArgs?: string[] };

function healthy(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/api/health", agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class AppServer {
  private child: ChildProcess | null = null;
  private expectingExit = false;
  /** Exits nobody asked for (a crash under hostile input would show here). */
  unexpectedExits = 0;
  starts = 0;

  constructor(private readonly options: ServerOptions) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get port(): number {
    return this.options.port;
  }

  /** Another instance of the same build on the same database, on its own port (a second app server behind a load balancer). */
  sibling(port: number): AppServer {
    const logFile = this.options.logFile.replace(/(\.log)?$/, `-${port}.log`);
    return new AppServer({ ...this.options, port, logFile, env: { ...this.options.env, NEXTAUTH_URL: `http://127.0.0.1:${port}` } });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(timeoutMs = 60_000): Promise<number> {
    if (this.running) return 0;
    const began = Date.now();
    const log = fs.openSync(this.options.logFile, "a");
    fs.writeSync(log, `\n--- start ${new Date().toISOString()} ---\n`);
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), nextBin(this.options.dir), "start", "-p", String(this.options.port), "-H", "127.0.0.1"], {
      cwd: this.options.dir,
      env: this.options.env,
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.expectingExit = false;
    this.starts++;
    child.on("exit", () => {
      if (!this.expectingExit) this.unexpectedExits++;
    });
    while (Date.now() - began < timeoutMs) {
      if (!this.running) throw new Error(`the server exited during start-up; see ${this.options.logFile}`);
      if (await healthy(this.options.port)) return (Date.now() - began) / 1000;
      await sleep(100);
    }
    throw new Error(`the server was not healthy within ${timeoutMs} ms; see ${this.options.logFile}`);
  }

  /** Ends the process with the signal and waits for it to be gone. */
  async kill(signal: NodeJS.Signals = "SIGKILL", graceMs = 5000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }

  stop(): Promise<void> {
    return this.kill("SIGTERM");
  }

  async ensureRunning(): Promise<void> {
    if (!this.running || !(await healthy(this.options.port, 3000))) {
      await this.kill("SIGKILL");
      await this.start();
    }
  }

  isHealthy(): Promise<boolean> {
    return healthy(this.options.port, 3000);
  }

  /** Resident memory of the server process, in KiB (Linux /proc). */
  rssKb(): number | null {
    if (!this.pid) return null;
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, "utf8");
      const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }

  logTail(lines = 30): string {
    try {
      return fs.readFileSync(this.options.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }
}

/** The first port in [from, to] nobody listens on at 127.0.0.1. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}
