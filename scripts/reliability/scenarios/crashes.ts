// Crashes: the server is SIGKILLed at random moments while events stream in; whatever got "success"
// must already be in the database, and after re-delivering the rest the counts must be exact.
import { openSqlite } from "../../../lib/db/open-sqlite";
import { db } from "../../../lib/db";
import { fmt, sleep, shuffle, type Scenario } from "../harness/context";
import { pool } from "../harness/http";
import { deliver, isSuccess, nowSeconds, type EventSpec } from "../harness/push";
import { seedAccount } from "../harness/seed";
import { accountCounts, promoterMismatches, storedOpenids } from "../harness/verify";

// Enough events that the stream never runs dry before a kill: with the pipeline's inbox the callback
// acknowledges ~1,000 pushes a second here, and a dry stream means a kill with nothing in flight.
const SIZES = {
  fast: { rounds: 3, promoters: 20, concurrency: 12, killAfterMs: [100, 600], maxEvents: 4_000 },
  full: { rounds: 20, promoters: 50, concurrency: 16, killAfterMs: [50, 1000], maxEvents: 40_000 },
};

const between = ([min, max]: number[]) => min + Math.random() * (max - min);

export const crashes: Scenario = {
  name: "crashes",
  controlsProcess: true,
  limits: { fast: { seconds: 90, requests: 6_000 }, full: { seconds: 600, requests: 60_000 } },
  async run(ctx) {
    const size = SIZES[ctx.mode];
    const account = await seedAccount("crashes", ctx.authSecret, { promoters: size.promoters });
    const truth = new Map<string, number>();
    // Events are made on demand, so the stream never runs dry before the kill, and stamped then: the
    // callback refuses a CreateTime far from the query's timestamp, and re-deliveries follow within seconds.
    const events: EventSpec[] = [];
    const newEvent = () => {
      const i = events.length;
      const promoter = account.promoters[i % account.promoters.length];
      truth.set(promoter.id, (truth.get(promoter.id) ?? 0) + 1);
      events.push({ openid: `o-crash-${i}-${account.appId.slice(-6)}`, createTime: nowSeconds(), event: "subscribe", scene: promoter.sceneKey });
      return i;
    };
    const acked = new Set<number>();
    const unacked = () => shuffle(events.map((_, i) => i).filter((i) => !acked.has(i)));

    let kills = 0;
    let cutOff = 0;
    let minInFlight = Infinity;
    let missing = 0;
    let committedUnacked = 0;
    for (let round = 1; round <= size.rounds && !ctx.signal.aborted; round++) {
      const redeliver = unacked(); // sent before and never acknowledged: first in line
      await ctx.server.start();
      let stopped = false;
      let inFlight = 0;
      let warm: () => void = () => {};
      const firstAck = new Promise<void>((resolve) => (warm = resolve));
      const next = () => redeliver.shift() ?? (events.length < size.maxEvents ? newEvent() : undefined);
      const worker = async () => {
        for (let i = next(); i !== undefined && !stopped && !ctx.signal.aborted; i = next()) {
          inFlight++;
          const result = await deliver(ctx.http, account, events[i], 10_000);
          inFlight--;
          if (isSuccess(result)) {
            acked.add(i);
            warm();
          } else if (stopped) cutOff++;
        }
      };
      const stream = Promise.all(Array.from({ length: size.concurrency }, worker));
      // Killed at a random moment once commits flow (the first answers after a start are slow).
      await Promise.race([firstAck.then(() => sleep(between(size.killAfterMs))), stream]);
      stopped = true;
      const atKill = inFlight;
      minInFlight = Math.min(minInFlight, atKill);
      await ctx.server.kill("SIGKILL");
      kills++;
      await stream;
      // The server is down: what it acknowledged must already be on disk.
      const stored = await storedOpenids(account.id);
      const ackedOpenids = [...acked].map((i) => events[i].openid);
      missing += ackedOpenids.filter((openid) => !stored.has(openid)).length;
      committedUnacked += stored.size - ackedOpenids.length;
      ctx.log(`round ${round}: ${fmt(acked.size)} of ${fmt(events.length)} acknowledged, ${atKill} in flight at the kill, ${fmt(stored.size)} stored`);
    }
    ctx.check(
      "SIGKILL while events stream",
      `${size.rounds} kills, requests in flight at each`,
      `${kills} kills, ≥${minInFlight === Infinity ? 0 : minInFlight} in flight each, ${fmt(cutOff)} deliveries cut off`,
      kills === size.rounds && minInFlight > 0,
    );
    ctx.check("acknowledged ⇒ stored (after every kill)", "0 missing", `${missing} missing of ${fmt(acked.size)} acknowledged`, missing === 0);

    await ctx.server.start();
    for (let pass = 0; pass < 5 && acked.size < events.length && !ctx.signal.aborted; pass++) {
      await pool(unacked(), size.concurrency, async (i) => {
        if (isSuccess(await deliver(ctx.http, account, events[i]))) acked.add(i);
      }, () => ctx.signal.aborted);
    }
    ctx.check(
      "re-delivered until acknowledged",
      `${fmt(events.length)} acknowledged`,
      `${fmt(acked.size)} (${fmt(committedUnacked)} found committed but unacknowledged after kills)`,
      acked.size === events.length,
    );

    const counts = await accountCounts(account.id);
    const halfWritten = await db().wechatEvent.count({ where: { accountId: account.id, attribution: { is: null } } });
    ctx.check(
      "final counts exact, no half-written event",
      `${fmt(events.length)} events/followers/ledger/rollup, 0 half-written`,
      `${fmt(counts.events)}/${fmt(counts.followers)}/${fmt(counts.ledger)}/${fmt(counts.newFollowersRollup)}, ${halfWritten} half-written`,
      [counts.events, counts.followers, counts.ledger, counts.newFollowersRollup].every((n) => n === events.length) && halfWritten === 0,
    );
    if (ctx.database.sqliteFile) {
      // WAL is a property of the file (set by the migrate step); synchronous=FULL is set per connection by the app.
      const file = openSqlite(ctx.database.sqliteFile, { readonly: true });
      const mode = String(file.pragma("journal_mode"));
      file.close();
      ctx.check("SQLite journal mode of the database file", "wal", mode, mode === "wal");
    }
    const off = promoterMismatches(truth, counts.promoterRollup);
    ctx.check("per-promoter new followers = truth", `0 of ${size.promoters} off`, off.count ? `${off.count} off [${off.sample.join("; ")}]` : "0 off", off.count === 0);
  },
};
