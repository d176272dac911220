// A realistic demo account written in bulk: promoters and codes, raw events (all attributed), the
// ledger, followers and the daily rollups, consistent with what ingestion writes for the same pushes.
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { createAccount } from "../../lib/accounts/save-account";
import { db } from "../../lib/db";
import { addDays, dayOf, dayStart } from "../../lib/stats/day";
import { demoPromoters } from "./demo-promoters";
import { demoWriter } from "./demo-writer";
import { demoChunks } from "./generate-demo";
import { emptyRollups } from "./rollups";

export type DemoOptions = { appId: string; reuse: boolean; promoters: number; followers: number; days: number; seed?: number; now?: Date; log?: (line: string) => void };

async function demoAccount(appId: string, reuse: boolean) {
  const existing = await db().account.findUnique({ where: { appId }, select: { id: true, name: true, timezone: true } });
  if (existing && !reuse) throw new Error(`account ${appId} exists; pass --reuse to add demo data to it, or choose another --appid`);
  if (existing) return { ...existing, created: false };
  const input = { name: "演示公众号", appId, appSecret: crypto.randomBytes(16).toString("hex"), token: "demotoken", encodingAesKey: "", mode: "plain", timezone: "Asia/Shanghai" };
  const account = await createAccount(input, { email: "cli" });
  return { id: account.id, name: account.name, timezone: account.timezone, created: true };
}

export async function seedDemo(options: DemoOptions) {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const account = await demoAccount(options.appId, options.reuse);
  const runTag = `d${now.getTime().toString(36)}`;
  const today = dayOf(now, account.timezone);
  const days = Array.from({ length: options.days }, (_, d) => addDays(today, d - options.days + 1));
  const dayStarts = [...days, addDays(today, 1)].map((d) => Math.floor(dayStart(d, account.timezone).getTime() / 1000));
  const { promoters, created, reused } = await demoPromoters(account.id, options.promoters, runTag, new Date(dayStarts[0] * 1000));
  log(`account ${options.appId} (${account.created ? "created" : "reused"}), ${created} promoters created, ${reused} reused`);

  const writer = demoWriter();
  const counts = { events: 0, followers: 0, ledger: 0, unfollowed: 0, retained: 0, byEvent: {} as Record<string, number> };
  const rollups = emptyRollups();
  try {
    const ids = await writer.nextIds();
    const plan = { runTag, promoters, followers: options.followers, dayStarts, days, now: Math.floor(now.getTime() / 1000), seed: options.seed ?? 20261128 };
    for (const chunk of demoChunks(plan, ids, rollups)) {
      await writer.writeChunk(account.id, chunk);
      counts.events += chunk.events.length;
      counts.ledger += chunk.attributions.length;
      counts.followers += chunk.followers.length;
      for (const e of chunk.events) counts.byEvent[e.event] = (counts.byEvent[e.event] ?? 0) + 1;
      for (const f of chunk.followers) {
        if (f.status === "unfollowed") counts.unfollowed++;
        if (f.retained7) counts.retained++;
      }
      if (counts.followers % 100_000 < chunk.followers.length) log(`  ${counts.followers.toLocaleString("en-US")} followers …`);
    }
    await writer.writeRollups(account.id, rollups);
  } finally {
    await writer.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { account, range: { from: days[0], to: today }, promoters, counts, rollupRows: rollups.promoter.size + rollups.account.size, seconds };
}

export type DemoSummary = Awaited<ReturnType<typeof seedDemo>>;
