// Benchmark 1: recordEvent (raw event, follower replay, ledger, rollups in one transaction) against
// a bare insert of the same event row, one transaction each, on the same database.
import { db } from "../../lib/db";
import { recordEvent, type TrackedEvent } from "../../lib/attribution/record-event";
import { perSecond, type BenchRow } from "./report";
import { createAccount, seedPromoters, subscribeEvents } from "./seed";
import { elapsed } from "./timing";

const EVENTS = 2000;
const PROMOTERS = 200;
const ROUND = 250;
const WARM_UP = 50;

// A first follow is ~11 statements in one transaction against the baseline's one insert. Measured
// on a 2-core box: 3.7–6.8× on SQLite (the baseline is mostly the commit's fsync, so load and disk
// move it) and 5.5–6.2× on PostgreSQL. 12× keeps ~2× headroom over the worst run and fails once
// the per-event work doubles: an extra query per promoter or stored event, or a lookup that turns
// into a scan as these tables grow during the run.
const MAX_RATIO = 12;

type Account = { id: string; timezone: string };

/** The baseline: the raw event row alone, in its own interactive transaction like recordEvent's. */
export function bareInsert(accountId: string, e: TrackedEvent) {
  return db().$transaction((tx) =>
    tx.wechatEvent.create({
      data: { accountId, fromUser: e.fromUser, createTime: e.createTime, event: e.event, eventKey: e.eventKey, ticket: e.ticket },
      select: { id: true },
    }),
  );
}

export async function ingestAll(account: Account, events: TrackedEvent[]) {
  for (const e of events) {
    const result = await recordEvent(account, e);
    if (result.status !== "recorded" || result.kind !== "new_follow") throw new Error(`unexpected result for ${e.fromUser}: ${JSON.stringify(result)}`);
  }
}

export async function insertAll(accountId: string, events: TrackedEvent[]) {
  for (const e of events) await bareInsert(accountId, e);
}

export async function benchIngestion(): Promise<BenchRow[]> {
  const measured = await createAccount("ingestmeasured");
  const baseline = await createAccount("ingestbaseline");
  const scenes = (await seedPromoters(measured.id, PROMOTERS)).map((p) => p.scene);
  const events = subscribeEvents(EVENTS, scenes, "o_ingest_");
  const warmUp = subscribeEvents(WARM_UP, scenes, "o_warm_");
  await ingestAll(measured, warmUp);
  await insertAll(baseline.id, warmUp);

  let measuredMs = 0;
  let baselineMs = 0;
  for (let i = 0, round = 0; i < EVENTS; i += ROUND, round++) {
    const chunk = events.slice(i, i + ROUND);
    const runMeasured = async () => (measuredMs += await elapsed(() => ingestAll(measured, chunk)));
    const runBaseline = async () => (baselineMs += await elapsed(() => insertAll(baseline.id, chunk)));
    if (round % 2) await runBaseline().then(runMeasured);
    else await runMeasured().then(runBaseline);
  }

  const stats = await db().promoterDailyStat.aggregate({ where: { accountId: measured.id }, _sum: { newFollowers: true } });
  if (stats._sum.newFollowers !== EVENTS + WARM_UP) throw new Error(`rollups count ${stats._sum.newFollowers}, expected ${EVENTS + WARM_UP}`);

  const ratio = measuredMs / baselineMs;
  return [
    {
      benchmark: `ingestion: recordEvent ×${EVENTS.toLocaleString("en-US")} (${PROMOTERS} promoters)`,
      measured: `${perSecond(EVENTS, measuredMs)} (${(measuredMs / EVENTS).toFixed(2)} ms/ev)`,
      baseline: `${perSecond(EVENTS, baselineMs)} bare insert`,
      ratio,
      target: `≤ ${MAX_RATIO}× cost`,
      pass: ratio <= MAX_RATIO,
    },
  ];
}
