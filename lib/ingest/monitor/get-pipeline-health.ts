import { db } from "../../db";
import { countPending } from "./count-pending";

// The recent lag is read from this many of the last attributed events (newest first by id).
const RECENT = 1000;
// Behind by more than this, the pipeline is reported as lagging (WeChat's follows still count; they just show late).
export const LAGGING_AFTER_S = 10;

export type PipelineHealth = {
  /** Acknowledged events not attributed yet. */
  backlog: number;
  /** Seconds since the oldest of them was acknowledged (0 when none). */
  behindSeconds: number;
  /** Acknowledgement → attribution of the last RECENT attributed events, in ms; null before the first. */
  lagP50Ms: number | null;
  lagP99Ms: number | null;
  status: "ok" | "lagging";
  /** When the newest attributed event was attributed; null before the first. */
  lastAttributedAt: Date | null;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The ingestion pipeline's backlog and attribution lag, for one account or every account. */
export async function getPipelineHealth(accountId?: string, now = new Date()): Promise<PipelineHealth> {
  const scope = accountId ? { accountId } : {};
  const [{ count: backlog, oldestReceivedAt: oldest }, recent] = await Promise.all([
    countPending(accountId),
    db().wechatEvent.findMany({ where: { ...scope, attributedAt: { not: null } }, orderBy: { id: "desc" }, take: RECENT, select: { receivedAt: true, attributedAt: true } }),
  ]);
  const lags = recent.map((e) => Math.max(0, e.attributedAt!.getTime() - e.receivedAt.getTime())).sort((a, b) => a - b);
  const behindSeconds = oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0;
  return {
    backlog,
    behindSeconds,
    lagP50Ms: lags.length ? percentile(lags, 50) : null,
    lagP99Ms: lags.length ? percentile(lags, 99) : null,
    status: behindSeconds > LAGGING_AFTER_S ? "lagging" : "ok",
    lastAttributedAt: recent[0]?.attributedAt ?? null,
  };
}
