import { db } from "../db";
import { bucketStart, FORWARD_OUTCOMES, latencyIndex, LATENCY_BOUNDS_MS, REFUSAL_REASONS, UNTRACKED_PREFIX, type ForwardOutcome, type RefusalReason } from "./callback-kinds";
import { latencyPercentile } from "./latency-percentile";

const HOUR_MS = 3_600_000;

export type Refusals = Record<RefusalReason, { count24h: number; lastAt: Date | null }>;

export type CallbackHealth = {
  /** Latest acknowledged push (within the 8 days the counters keep); null when none. */
  lastPushAt: Date | null;
  /** Acknowledged pushes in the last hour / 24 hours (whole 5-minute buckets, so up to 5 minutes more). */
  pushes1h: number;
  pushes24h: number;
  /** Pushes that failed to be stored in time in the last 24 h (answered with an error: WeChat retries them). */
  notStored24h: number;
  /** Refused pushes of the last 24 h by reason, with the latest one's time (8 days back); unknown AppID is instance-wide. */
  refused: Refusals;
  /** Acknowledgement latency over the last hour, as the upper bound of its histogram bucket (ms); null without pushes. */
  ackP50Ms: number | null;
  ackP99Ms: number | null;
  /** Pushes of the last 24 h acknowledged without storing (messages, menu clicks…), by type, most frequent first. */
  untracked24h: { type: string; count: number; lastAt: Date | null }[];
  /** Pushes forwarded to the account's own backend (消息转发) in the last 24 h, by outcome, with the latest one's time. */
  forwarded: Record<ForwardOutcome, { count24h: number; lastAt: Date | null }>;
};

const toDate = (ms: bigint | null | undefined) => (ms && ms > 0n ? new Date(Number(ms)) : null);

/** The callback's counters for one account (plus the instance-wide unknown-AppID refusals), read from CallbackCounter. */
export async function getCallbackHealth(accountId: string, now = new Date()): Promise<CallbackHealth> {
  const at = now.getTime();
  const since = (ms: number) => BigInt(bucketStart(at - ms)); // from the bucket that holds the window's start
  const where = { accountId: { in: [accountId, ""] } };
  const [day, hour, ever] = await Promise.all([
    db().callbackCounter.groupBy({ by: ["kind"], where: { ...where, bucketMs: { gte: since(24 * HOUR_MS) } }, _sum: { count: true } }),
    db().callbackCounter.groupBy({ by: ["kind"], where: { ...where, bucketMs: { gte: since(HOUR_MS) } }, _sum: { count: true } }),
    db().callbackCounter.groupBy({ by: ["kind"], where: { ...where, NOT: { kind: { startsWith: "latency:" } } }, _max: { lastAtMs: true } }),
  ]);
  const sum = (rows: typeof day, kind: string) => rows.find((r) => r.kind === kind)?._sum.count ?? 0;
  const last = (kind: string) => toDate(ever.find((r) => r.kind === kind)?._max.lastAtMs);
  const histogram = LATENCY_BOUNDS_MS.map(() => 0);
  for (const row of hour) {
    const index = latencyIndex(row.kind);
    if (index >= 0) histogram[index] += row._sum.count ?? 0;
  }
  const refused = Object.fromEntries(REFUSAL_REASONS.map((r) => [r, { count24h: sum(day, `refused:${r}`), lastAt: last(`refused:${r}`) }])) as Refusals;
  const untracked24h = day
    .filter((r) => r.kind.startsWith(UNTRACKED_PREFIX))
    .map((r) => ({ type: r.kind.slice(UNTRACKED_PREFIX.length), count: r._sum.count ?? 0, lastAt: last(r.kind) }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const forwarded = Object.fromEntries(FORWARD_OUTCOMES.map((o) => [o, { count24h: sum(day, `forward:${o}`), lastAt: last(`forward:${o}`) }])) as CallbackHealth["forwarded"];
  return {
    forwarded,
    lastPushAt: last("accepted"),
    pushes1h: sum(hour, "accepted"),
    pushes24h: sum(day, "accepted"),
    notStored24h: sum(day, "not_stored"),
    refused,
    ackP50Ms: latencyPercentile(histogram, 50),
    ackP99Ms: latencyPercentile(histogram, 99),
    untracked24h,
  };
}
