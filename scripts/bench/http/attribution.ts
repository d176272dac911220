// What the attribution pipeline made of an account's pushes, read from the database after a run:
// the backlog (WechatEvent.attributedAt null), the lag from acknowledgement to attribution, and the
// ledger and rollup counts.
import { db } from "../../../lib/db";
import { countPending } from "../../../lib/ingest/monitor/count-pending";
import { percentile } from "./send";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// No new event for this long, and nothing pending: the pipeline has drained.
const STABLE_MS = 2000;

export type Drain = { drained: boolean; pending: number; waitedMs: number; reason: string };

/**
 * Waits until no event of the account awaits attribution and none arrived since the last look (an
 * overloaded server may still be storing pushes the client gave up on). Gives up after `timeoutMs`,
 * or earlier when the backlog has not shrunk for `stallMs` (no worker running, or a stuck one).
 */
export async function waitForAttribution(accountId: string, timeoutMs: number, stallMs: number): Promise<Drain> {
  const started = Date.now();
  let best = Infinity;
  let progressAt = started;
  let lastTotal = -1;
  let stableSince = started;
  for (;;) {
    const [{ count: pending }, stored] = await Promise.all([countPending(accountId), db().wechatEvent.count({ where: { accountId } })]);
    const total = stored + pending; // SQLite's inbox included
    const waitedMs = Date.now() - started;
    if (total !== lastTotal) [lastTotal, stableSince] = [total, Date.now()];
    // An overloaded server works through requests its clients gave up on with pauses between them.
    if (pending === 0 && Date.now() - stableSince >= STABLE_MS) return { drained: true, pending, waitedMs, reason: "" };
    if (pending < best) [best, progressAt] = [pending, Date.now()];
    if (waitedMs >= timeoutMs) return { drained: false, pending, waitedMs, reason: `${pending.toLocaleString("en-US")} events still unattributed after ${timeoutMs / 1000} s` };
    if (Date.now() - progressAt >= stallMs) return { drained: false, pending, waitedMs, reason: `${pending.toLocaleString("en-US")} events unattributed and none attributed for ${stallMs / 1000} s` };
    await sleep(200);
  }
}

/** attributedAt − receivedAt of the account's attributed events, in ms. */
export async function attributionLag(accountId: string) {
  const rows = await db().wechatEvent.findMany({ where: { accountId, attributedAt: { not: null } }, select: { receivedAt: true, attributedAt: true } });
  const lags = rows.map((r) => r.attributedAt!.getTime() - r.receivedAt.getTime());
  return { count: lags.length, p50: percentile(lags, 50), p99: percentile(lags, 99), max: percentile(lags, 100) };
}

/** Stored events, ledger rows and newFollowers in the rollups, in total and per promoter. */
export async function attributionCounts(accountId: string, expectedPerPromoter: Map<string, number>) {
  const where = { accountId };
  // Read after waitForAttribution: nothing is written any more, so separate reads agree.
  const [events, ledger, promoterRollups, accountRollups] = await Promise.all([
    db().wechatEvent.count({ where }),
    db().attribution.count({ where }),
    db().promoterDailyStat.groupBy({ by: ["promoterId"], where, _sum: { newFollowers: true }, orderBy: { promoterId: "asc" } }),
    db().accountDailyStat.aggregate({ where, _sum: { newFollowers: true } }),
  ]);
  const perPromoter = new Map(promoterRollups.map((r) => [r.promoterId, r._sum?.newFollowers ?? 0]));
  const exactPromoters = [...expectedPerPromoter].filter(([id, n]) => perPromoter.get(id) === n).length;
  const promoterNewFollowers = [...perPromoter.values()].reduce((a, b) => a + b, 0);
  return { events, ledger, promoterNewFollowers, accountNewFollowers: accountRollups._sum.newFollowers ?? 0, exactPromoters, promoters: expectedPerPromoter.size };
}
