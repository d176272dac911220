// Pipeline crashes: the server is SIGKILLed between acknowledging pushes and attributing them, and
// in the middle of the attribution worker's batches. Acknowledged events must survive as pending
// rows, every batch must commit whole or not at all, and after restarts the counts must be exact.
import { db } from "../../../lib/db";
import { fmt, sleep, type Context, type Scenario } from "../harness/context";
import { pool } from "../harness/http";
import { deliver, isSuccess, nowSeconds, type EventSpec } from "../harness/push";
import { seedAccount, type SeededAccount } from "../harness/seed";
import { accountCounts, pendingEvents, promoterMismatches, storedOpenids } from "../harness/verify";

const SIZES = {
  fast: { promoters: 10, acked: 300, queued: 6_000, kills: 3, killAfterMs: [30, 400] },
  full: { promoters: 50, acked: 2_000, queued: 40_000, kills: 10, killAfterMs: [20, 1500] },
};

const between = ([min, max]: number[]) => min + Math.random() * (max - min);

/** Ledger rows, new-follower rollups and attributed events must agree after any crash: no half-written batch. */
async function consistent(accountId: string) {
  const [attributed, ledger, rollup, followers] = await Promise.all([
    db().wechatEvent.count({ where: { accountId, attributedAt: { not: null } } }),
    db().attribution.count({ where: { accountId } }),
    db().promoterDailyStat.aggregate({ where: { accountId }, _sum: { newFollowers: true } }),
    db().follower.count({ where: { accountId } }),
  ]);
  const newFollowers = rollup._sum.newFollowers ?? 0;
  return { attributed, ledger, newFollowers, followers, ok: attributed === ledger && ledger === newFollowers && ledger === followers };
}

/** Stored as the callback stores them (acknowledged, attributedAt null), without going through HTTP. */
async function queueEvents(account: SeededAccount, count: number, truth: Map<string, number>) {
  const base = nowSeconds() - count - 600;
  const rows = Array.from({ length: count }, (_, i) => {
    const promoter = account.promoters[i % account.promoters.length];
    truth.set(promoter.id, (truth.get(promoter.id) ?? 0) + 1);
    return { accountId: account.id, fromUser: `o-queued-${i}-${account.appId.slice(-6)}`, createTime: base + i, event: "subscribe", eventKey: `qrscene_${promoter.sceneKey}` };
  });
  for (let i = 0; i < rows.length; i += 2_000) await db().wechatEvent.createMany({ data: rows.slice(i, i + 2_000) });
}

/** Pushes `count` follows, then SIGKILLs the server the moment the last is acknowledged (the worker trails by ~20 ms). */
async function ackThenKill(ctx: Context, account: SeededAccount, round: number, count: number, truth: Map<string, number>) {
  const base = nowSeconds() - 100; // recent: the callback refuses a CreateTime far from the query's timestamp
  const specs: EventSpec[] = Array.from({ length: count }, (_, i) => {
    const promoter = account.promoters[i % account.promoters.length];
    truth.set(promoter.id, (truth.get(promoter.id) ?? 0) + 1);
    return { openid: `o-ack-${round}-${i}-${account.appId.slice(-6)}`, createTime: base + (i % 200), event: "subscribe", scene: promoter.sceneKey };
  });
  await ctx.server.start();
  let acked = 0;
  await pool(specs, 16, async (spec) => void (isSuccess(await deliver(ctx.http, account, spec)) && acked++), () => ctx.signal.aborted);
  await ctx.server.kill("SIGKILL");
  return { acked, pending: await pendingEvents(account.id) };
}

export const pipelineCrashes: Scenario = {
  name: "pipeline-crashes",
  controlsProcess: true,
  limits: { fast: { seconds: 120, requests: 1_000 }, full: { seconds: 600, requests: 5_000 } },
  async run(ctx) {
    const size = SIZES[ctx.mode];
    const account = await seedAccount("pipeline", ctx.authSecret, { promoters: size.promoters });
    const truth = new Map<string, number>();

    // Until one kill lands between acknowledgement and attribution (usually the first).
    let acked = 0;
    let pendingAtKill = 0;
    let rounds = 0;
    while (rounds < 5 && pendingAtKill === 0 && !ctx.signal.aborted) {
      const round = await ackThenKill(ctx, account, ++rounds, size.acked, truth);
      acked += round.acked;
      pendingAtKill = round.pending;
    }
    // Acknowledged pushes are in WechatEvent or, on SQLite, still in the inbox the worker moves them from.
    const stored = (await storedOpenids(account.id)).size;
    ctx.check(
      "SIGKILL right after acknowledging, before attribution",
      "every push acknowledged and stored, some still pending at a kill",
      `${fmt(acked)} of ${fmt(rounds * size.acked)} acknowledged, ${fmt(stored)} stored, ${fmt(pendingAtKill)} pending at kill ${rounds}`,
      acked === rounds * size.acked && stored === acked && pendingAtKill > 0,
    );

    await queueEvents(account, size.queued, truth);
    const total = acked + size.queued;
    let midBatch = 0;
    let inconsistent = 0;
    for (let kill = 1; kill <= size.kills && !ctx.signal.aborted; kill++) {
      const before = await pendingEvents(account.id);
      await ctx.server.start();
      await sleep(between(size.killAfterMs));
      await ctx.server.kill("SIGKILL");
      const after = await pendingEvents(account.id);
      const state = await consistent(account.id);
      if (after > 0 && after < before) midBatch++;
      if (!state.ok) inconsistent++;
      ctx.log(`kill ${kill}: pending ${fmt(before)} → ${fmt(after)}; attributed ${fmt(state.attributed)}, ledger ${fmt(state.ledger)}, rollup ${fmt(state.newFollowers)}`);
    }
    ctx.check(
      "SIGKILL while the worker drains a backlog",
      `${size.kills} kills, the backlog shrinking between kills and not yet empty, every state consistent`,
      `${midBatch} kills mid-drain, ${inconsistent} inconsistent states`,
      midBatch > 0 && inconsistent === 0,
    );

    await ctx.server.start();
    const counts = await accountCounts(account.id);
    const state = await consistent(account.id);
    ctx.check(
      "after restart: every acknowledged event attributed exactly once",
      `${fmt(total)} events/followers/ledger/rollup`,
      `${fmt(counts.events)}/${fmt(counts.followers)}/${fmt(counts.ledger)}/${fmt(counts.newFollowersRollup)}`,
      [counts.events, counts.followers, counts.ledger, counts.newFollowersRollup].every((n) => n === total) && state.ok,
    );
    const off = promoterMismatches(truth, counts.promoterRollup);
    ctx.check("per-promoter new followers = truth", `0 of ${size.promoters} off`, off.count ? `${off.count} off [${off.sample.join("; ")}]` : "0 off", off.count === 0);
  },
};
