// What every scenario gets: the server, the HTTP client, the database, and a way to record checks.
import type { Build } from "./build";
import type { TestDatabase } from "./database";
import type { HttpClient } from "./http";
import type { CheckRow } from "./report";
import type { AppServer } from "./server";

export type Mode = "fast" | "full";

export type Context = {
  mode: Mode;
  server: AppServer;
  http: HttpClient;
  database: TestDatabase;
  build: Build;
  authSecret: string;
  /** A deployment the suite did not start (RELIABILITY_TARGET): only HTTP and its database. */
  external: boolean;
  /** Aborted when the scenario's time limit passes. */
  signal: AbortSignal;
  /** Records one check; requests and seconds are those spent since the scenario's previous check. */
  check: (name: string, expected: string, observed: string, pass: boolean) => void;
  log: (message: string) => void;
};

export type Scenario = {
  name: string;
  /** Hard limits: the scenario fails when it needs more time or more requests. */
  limits: Record<Mode, { seconds: number; requests: number }>;
  /** Kills, restarts or measures the server process: not possible against an external deployment. */
  controlsProcess?: boolean;
  run: (ctx: Context) => Promise<void>;
};

export function checkRecorder(scenario: string, rows: CheckRow[], sent: () => number) {
  let lastRequests = sent();
  let lastTime = performance.now();
  return (name: string, expected: string, observed: string, pass: boolean) => {
    const now = performance.now();
    rows.push({ scenario, check: name, requests: sent() - lastRequests, expected, observed, pass, seconds: (now - lastTime) / 1000 });
    console.log(`  ${pass ? "PASS" : "FAIL"} ${scenario} / ${name}: expected ${expected}, observed ${observed}`);
    lastRequests = sent();
    lastTime = now;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fisher–Yates, in place. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export const fmt = (n: number) => n.toLocaleString("en-US");
