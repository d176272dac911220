// RELIABILITY_TARGET=https://127.0.0.1:3440 points the suite at a deployment started by someone
// else, e.g. CI's nginx in front of two `npm start` instances (scripts/ci/deploy-check.sh), instead
// of a private build and server. The suite then seeds and checks that deployment's own database
// (DATABASE_URL, never dropped) with its AUTH_SECRET, and reads the routes from its checkout
// (RELIABILITY_TARGET_DIR, default the current directory). Scenarios that kill, restart or measure
// the server process cannot run there and are skipped.
import http from "node:http";
import https from "node:https";
import path from "node:path";
import type { Build } from "./build";
import type { Provider, TestDatabase } from "./database";
import { AppServer } from "./server";

export type External = { url: URL; build: Build; database: TestDatabase; authSecret: string };

export function externalTarget(): External | null {
  const target = process.env.RELIABILITY_TARGET;
  if (!target) return null;
  const url = new URL(target);
  const databaseUrl = process.env.DATABASE_URL;
  const authSecret = process.env.AUTH_SECRET;
  if (!databaseUrl || !authSecret) throw new Error("RELIABILITY_TARGET needs the deployment's DATABASE_URL and AUTH_SECRET");
  const provider: Provider = /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite";
  const sqliteFile = provider === "sqlite" ? databaseUrl.replace(/^file:/, "") : undefined;
  const dir = path.resolve(process.env.RELIABILITY_TARGET_DIR ?? ".");
  return {
    url,
    build: { dir, reused: true, seconds: 0, cleanup: () => {} },
    database: { url: databaseUrl, provider, sqliteFile, drop: async () => {} },
    authSecret,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The deployment as the scenarios see it: a base URL to reach, no process to control. */
export class ExternalServer extends AppServer {
  constructor(private readonly url: URL) {
    super({ dir: ".", port: Number(url.port || (url.protocol === "https:" ? 443 : 80)), env: { NODE_ENV: "production" }, logFile: "/dev/null" });
  }

  get tls(): boolean {
    return this.url.protocol === "https:";
  }

  override get baseUrl(): string {
    return this.url.origin;
  }

  override get running(): boolean {
    return true;
  }

  override isHealthy(): Promise<boolean> {
    return new Promise((resolve) => {
      const req = (this.tls ? https : http).get(new URL("/api/health", this.url), { agent: false, timeout: 3000 }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode === 200));
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve(false));
    });
  }

  override async start(timeoutMs = 60_000): Promise<number> {
    const began = Date.now();
    while (Date.now() - began < timeoutMs) {
      if (await this.isHealthy()) return (Date.now() - began) / 1000;
      await sleep(250);
    }
    throw new Error(`${this.url.origin}/api/health did not answer 200 within ${timeoutMs} ms`);
  }

  override async ensureRunning(): Promise<void> {
    await this.start(10_000);
  }

  override async kill(): Promise<void> {
    throw new Error("an external deployment's processes are not the suite's to kill");
  }

  override rssKb(): number | null {
    return null;
  }

  override logTail(): string {
    return `(external deployment at ${this.url.origin}: see its own logs)`;
  }
}
