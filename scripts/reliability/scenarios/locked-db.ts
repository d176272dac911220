// Slow or locked database: another connection holds the write lock that acknowledging a push needs
// (SQLite: the inbox file's; PostgreSQL: the event table's). Held briefly, pushes must wait and
// succeed; held past the app's patience, they must get a non-success answer well within WeChat's
// 5 s (so WeChat retries), never "success"; re-delivered afterwards, they count once. On SQLite the
// main file's write lock (an attribution batch, a backup) must not hold acknowledgements up at all.
import { openSqlite } from "../../../lib/db/open-sqlite";
import pg from "pg";
import { fmt, sleep, type Context, type Scenario } from "../harness/context";
import type { HttpResult } from "../harness/http";
import { deliver, isSuccess, nowSeconds, type EventSpec } from "../harness/push";
import { seedAccount } from "../harness/seed";
import { accountCounts } from "../harness/verify";
import { inboxFile } from "../../../lib/ingest/pipeline-db/sqlite-inbox";
import { statusHistogram } from "../harness/tally";

const WECHAT_DEADLINE_MS = 5000;
const SLOW_HOLD_MS = 1500;
const SIZES = { fast: { slow: 4, locked: 6, holdMs: 7000 }, full: { slow: 8, locked: 16, holdMs: 9000 } };

type Lock = { release: () => Promise<void>; what: string };

/** SQLite: BEGIN IMMEDIATE on the inbox (or the main file); PostgreSQL: an ACCESS EXCLUSIVE lock on the event table. */
async function takeWriteLock(ctx: Context, file = inboxFile(ctx.database.sqliteFile ?? "")): Promise<Lock> {
  if (ctx.database.provider === "sqlite") {
    const conn = openSqlite(file, { busyTimeoutMs: 10_000 });
    conn.exec("BEGIN IMMEDIATE");
    const release = async () => {
      conn.exec("ROLLBACK");
      conn.close();
    };
    return { what: `BEGIN IMMEDIATE on ${file.split("/").pop()} from another connection`, release };
  }
  const client = new pg.Client({ connectionString: ctx.database.url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "WechatEvent" IN ACCESS EXCLUSIVE MODE`);
  return {
    what: `LOCK TABLE "WechatEvent" IN ACCESS EXCLUSIVE MODE`,
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

const maxMs = (results: HttpResult[]) => Math.max(0, ...results.map((r) => r.ms));

export const lockedDb: Scenario = {
  name: "locked-db",
  limits: { fast: { seconds: 60, requests: 200 }, full: { seconds: 90, requests: 400 } },
  async run(ctx) {
    const size = SIZES[ctx.mode];
    const account = await seedAccount("locked", ctx.authSecret, { promoters: 2 });
    const base = nowSeconds() - 60; // recent: the callback refuses a CreateTime far from the query's timestamp
    const make = (tag: string, n: number, offset: number): EventSpec[] =>
      Array.from({ length: n }, (_, i) => ({ openid: `o-lock-${tag}-${i}-${account.appId.slice(-6)}`, createTime: base + offset + i, event: "subscribe", scene: "1" }));
    const slowEvents = make("slow", size.slow, 0);
    const lockedEvents = make("locked", size.locked, 20);
    const mainLockedEvents = make("main", size.locked, 60);
    // Warm the route up first, so the timings below measure the database, not module loading.
    const warm = make("warm", 1, 40)[0];
    await deliver(ctx.http, account, warm);

    // 1. Slow: the lock is released after 1.5 s; the pushes wait for it and then commit.
    let lock = await takeWriteLock(ctx);
    const slow = Promise.all(slowEvents.map((e) => deliver(ctx.http, account, e, 10_000)));
    await sleep(SLOW_HOLD_MS);
    await lock.release();
    const slowResults = await slow;
    ctx.check(
      `write lock held ${SLOW_HOLD_MS / 1000} s → success after commit`,
      `${size.slow} × success, each < ${WECHAT_DEADLINE_MS} ms`,
      `${statusHistogram(slowResults)}; max ${maxMs(slowResults).toFixed(0)} ms`,
      slowResults.every(isSuccess) && maxMs(slowResults) < WECHAT_DEADLINE_MS,
    );

    // 2. Locked: held longer than any push may wait; each must be refused in time, never acknowledged.
    lock = await takeWriteLock(ctx);
    ctx.log(`holding: ${lock.what} for up to ${size.holdMs / 1000} s`);
    const locked = Promise.all(lockedEvents.map((e) => deliver(ctx.http, account, e, size.holdMs - 500)));
    await sleep(500);
    // Not a check of its own: how the rest of the app fares while pushes wait (event loop, pool).
    const health = await ctx.http.request("/api/health", { timeoutMs: size.holdMs });
    const healthNote = health.status ? `${health.status} after ${health.ms.toFixed(0)} ms` : `no answer for ${(health.ms / 1000).toFixed(0)} s`;
    const lockedResults = await locked;
    await lock.release();
    const answered = lockedResults.filter((r) => r.status !== 0);
    ctx.check(
      `write lock held ${size.holdMs / 1000} s → non-success within ${WECHAT_DEADLINE_MS / 1000} s`,
      `${size.locked} × non-success, each < ${WECHAT_DEADLINE_MS} ms`,
      `${statusHistogram(lockedResults)}; max ${maxMs(lockedResults).toFixed(0)} ms (GET /api/health meanwhile: ${healthNote})`,
      answered.length === lockedResults.length && !lockedResults.some(isSuccess) && maxMs(lockedResults) < WECHAT_DEADLINE_MS,
    );

    // 3. WeChat retries once the database is back: every event is stored exactly once.
    const retried = await Promise.all(lockedEvents.map((e) => deliver(ctx.http, account, e)));
    let total = 1 + size.slow + size.locked;

    // 4. SQLite: the main file locked (what an attribution batch or a backup does) → acknowledged at once.
    if (ctx.database.provider === "sqlite") {
      lock = await takeWriteLock(ctx, ctx.database.sqliteFile!);
      const acked = await Promise.all(mainLockedEvents.map((e) => deliver(ctx.http, account, e, size.holdMs)));
      await lock.release();
      total += size.locked;
      ctx.check(
        "main file's write lock held → acknowledged without waiting for it",
        `${size.locked} × success, each < 1000 ms`,
        `${statusHistogram(acked)}; max ${maxMs(acked).toFixed(0)} ms`,
        acked.every(isSuccess) && maxMs(acked) < 1000,
      );
    }
    const counts = await accountCounts(account.id);
    ctx.check(
      "re-delivered after release → counted once",
      `${size.locked} × success; ${total} events/followers/rollup`,
      `${statusHistogram(retried)}; ${fmt(counts.events)}/${fmt(counts.followers)}/${fmt(counts.newFollowersRollup)}`,
      retried.every(isSuccess) && [counts.events, counts.followers, counts.newFollowersRollup].every((n) => n === total),
    );
  },
};
