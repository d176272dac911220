import crypto from "node:crypto";
import os from "node:os";
import { env } from "../env";
import { log } from "../log/logger";
import { runScheduledCrosscheck } from "./run-scheduled-crosscheck";

// Every instance ticks; the lease lets one of them fetch. WeChat publishes yesterday after 08:00
// Beijing time, so the fetch lands within a tick of that (or of the instance starting).
export const TICK_MS = 5 * 60_000;
const FIRST_TICK_MS = 30_000;
const globalForScheduler = globalThis as unknown as { scenecodeCrosscheckScheduler?: NodeJS.Timeout };

async function tick(holder: string) {
  try {
    const { runs } = await runScheduledCrosscheck({ holder });
    for (const { accountId, run } of runs) {
      if (run.ok) log().info({ accountId, range: run.fetched, days: run.days }, "crosscheck: WeChat's daily figures fetched");
      else log().warn({ accountId, errcode: run.errcode, errmsg: run.errmsg }, "crosscheck: WeChat refused the daily figures; retried later");
    }
  } catch (error) {
    log().warn({ err: error }, "crosscheck: the scheduled fetch failed; retried at the next tick");
  }
}

/** Starts the daily datacube fetch's ticks (instrumentation.ts, once per process). */
export function startCrosscheckScheduler() {
  if (globalForScheduler.scenecodeCrosscheckScheduler || env().CROSSCHECK_SCHEDULE === "off") return;
  const holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  let running: Promise<void> | null = null;
  const run = () => void (running ??= tick(holder).finally(() => (running = null)));
  setTimeout(run, FIRST_TICK_MS).unref();
  globalForScheduler.scenecodeCrosscheckScheduler = setInterval(run, TICK_MS);
  globalForScheduler.scenecodeCrosscheckScheduler.unref();
}
