import { db } from "../../db";
import { pipelineDb } from "../pipeline-db/get-pipeline-db";

export type Pending = { count: number; oldestReceivedAt: Date | null };

/**
 * Acknowledged events not attributed yet, of one account or all: those still in SQLite's inbox
 * plus those in WechatEvent with attributedAt null. What "drained" means for health, tests and benchmarks.
 */
export async function countPending(accountId?: string): Promise<Pending> {
  const where = { ...(accountId ? { accountId } : {}), attributedAt: null };
  // The inbox first: an event only moves forward (inbox → WechatEvent → attributed), so reading in
  // this order never misses one that moves between the two reads.
  const inbox = await pipelineDb().inboxPending(accountId);
  const [queued, oldest] = await Promise.all([db().wechatEvent.count({ where }), db().wechatEvent.findFirst({ where, orderBy: { id: "asc" }, select: { receivedAt: true } })]);
  const times = [inbox.oldestReceivedAt, oldest?.receivedAt ?? null].filter((d): d is Date => d !== null);
  return { count: inbox.count + queued, oldestReceivedAt: times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null };
}
