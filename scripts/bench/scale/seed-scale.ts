// The leaderboard benchmark's data: one demo account written in bulk by the demo seeder (raw events,
// ledger, followers and rollups, consistent with the pipeline), plus what a client of each surface
// holds: an API key bound to the account and the busiest promoter's private-page token.
import { performance } from "node:perf_hooks";
import { createApiKey } from "../../../lib/api-keys/create-api-key";
import { db } from "../../../lib/db";
import { env } from "../../../lib/env";
import { rotateSelfServiceLink } from "../../../lib/self-service/manage-self-service-link";
import { seedDemo } from "../../demo/seed-demo";

export const SCALE_PROMOTERS = 1000;
export const SCALE_DAYS = 30;
const DEFAULT_FOLLOWERS = 1_000_000;
const APP_ID = "wxbenchleaderboard";
const SEED = 20260903;

export type ScaleAccount = {
  accountId: string;
  timeZone: string;
  range: { from: string; to: string };
  followers: number;
  events: number;
  apiKey: string;
  /** The promoter with the most new followers in the range, and its private-page token. */
  top: { id: string; token: string };
  seedSeconds: number;
};

/** BENCH_FOLLOWERS (run.ts --followers) scales the run down for quick checks; the scale is 1,000,000. */
export function scaleFollowers(): number {
  const raw = process.env.BENCH_FOLLOWERS;
  const n = raw === undefined ? DEFAULT_FOLLOWERS : Math.floor(Number(raw));
  if (!(n > 0)) throw new Error(`BENCH_FOLLOWERS: expected a positive number, got ${raw}`);
  return n;
}

export async function seedScale(): Promise<ScaleAccount> {
  const followers = scaleFollowers();
  const n = (x: number) => x.toLocaleString("en-US");
  const seeded = await seedDemo({ appId: APP_ID, reuse: false, promoters: SCALE_PROMOTERS, followers, days: SCALE_DAYS, seed: SEED });
  const { account, range, counts } = seeded;
  console.log(
    `  leaderboard: seeded ${n(SCALE_PROMOTERS)} promoters, ${n(counts.followers)} followers, ${n(counts.events)} events, ` +
      `${n(counts.ledger)} ledger rows, ${n(seeded.rollupRows)} rollup rows in ${seeded.seconds.toFixed(1)} s`,
  );

  if (env().databaseProvider === "postgresql") {
    // What autovacuum does within a minute of a bulk load: sets the visibility map (index-only
    // scans) and hint bits (the baseline's scan), so the timings do not depend on its schedule.
    const started = performance.now();
    await db().$executeRawUnsafe(`VACUUM (ANALYZE) "WechatEvent", "Attribution", "Follower", "PromoterDailyStat", "AccountDailyStat", "Promoter", "QrCode"`);
    console.log(`  leaderboard: VACUUM (ANALYZE) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const { key } = await createApiKey({ name: "bench leaderboard", accountId: account.id }, { email: "bench" });
  const [best] = await db().promoterDailyStat.groupBy({
    by: ["promoterId"],
    where: { accountId: account.id, day: { gte: range.from, lte: range.to } },
    _sum: { newFollowers: true },
    orderBy: { _sum: { newFollowers: "desc" } },
    take: 1,
  });
  // What the promoter page's "replace link" button does: a fresh token (only its hash is stored).
  const top = await rotateSelfServiceLink(account.id, best.promoterId, { email: "bench" });
  if (!top.token || !top.selfServiceEnabled) throw new Error(`promoter ${top.id} has no enabled private page`);

  return {
    accountId: account.id,
    timeZone: account.timezone,
    range,
    followers: counts.followers,
    events: counts.events,
    apiKey: key,
    top: { id: top.id, token: top.token },
    seedSeconds: seeded.seconds,
  };
}
