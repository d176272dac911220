import type { PipelineDb, SqlSession } from "../pipeline-db/sql-session";
import { claimPending, loadCodes, loadEvents, loadFollowers, loadQualifyDays, loadTimeZones, type PendingEvent } from "./load-batch";
import { planFollower, type FollowerPlan } from "./plan-follower";
import { newFollowerId } from "./new-follower-id";
import { inboxMoved } from "./inbox-moved";
import { writeBatch } from "./write-batch";
import { sceneFromEventKey } from "../../wechat/parse-message";

// One worker attributes at a time across every instance on PostgreSQL: a follower's events must
// replay one after another, and one set-based batch at a time already carries thousands a second.
// The lock is transaction-scoped, so a crashed holder releases it with its connection.
const PG_LOCK_KEY = 727_001;

export type BatchResult = { attributed: number; busy: boolean };

/** PostgreSQL: takes the worker's lock for this transaction (false when another holds it); SQLite: always true. */
export async function lockWorker(session: SqlSession) {
  if (session.provider !== "postgresql") return true; // SQLite: BEGIN IMMEDIATE already holds the only write lock
  const [row] = await session.all<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(?) AS "locked"`, [PG_LOCK_KEY]);
  return row.locked;
}

/** Replays these followers' stored events (all of them) and plans the differences from what is stored. */
export async function planAccount(session: SqlSession, accountId: string, openids: string[], timeZone: string) {
  const [{ byOpenid, pendingIds }, followers, qualifyDays] = await Promise.all([
    loadEvents(session, accountId, openids),
    loadFollowers(session, accountId, openids),
    loadQualifyDays(session, accountId),
  ]);
  const scenes = new Set<string>();
  for (const events of byOpenid.values()) for (const e of events) {
    const scene = sceneFromEventKey(e.event, e.eventKey ?? undefined);
    if (scene !== null) scenes.add(scene);
  }
  const codeOf = await loadCodes(session, accountId, [...scenes]);
  const plans: FollowerPlan[] = [];
  for (const [openid, events] of byOpenid) {
    const plan = planFollower(openid, events, followers.get(openid) ?? null, codeOf, timeZone, () => newFollowerId(), qualifyDays);
    if (plan) plans.push(plan);
  }
  return { plans, pendingIds };
}

/**
 * Attributes up to `limit` pending events — with every other pending event of the same followers —
 * in one transaction: load the followers' histories, replay them in memory, write the differences.
 * A crash anywhere rolls the whole batch back; its events stay pending and are taken again.
 */
export async function attributeBatch(database: PipelineDb, limit = 500, now = () => new Date()): Promise<BatchResult> {
  const { throughId } = await database.moveInbox(limit); // SQLite: acknowledged pushes join the queue first
  await inboxMoved(database, throughId);
  return database.transaction(async (session) => {
    if (!(await lockWorker(session))) return { attributed: 0, busy: true };
    const pending = await claimPending(session, limit);
    if (!pending.length) return { attributed: 0, busy: false };
    const byAccount = new Map<string, Set<string>>();
    for (const e of pending as PendingEvent[]) {
      const set = byAccount.get(e.accountId) ?? new Set<string>();
      set.add(e.fromUser);
      byAccount.set(e.accountId, set);
    }
    const zones = await loadTimeZones(session, [...byAccount.keys()]);
    const planned: { accountId: string; plans: FollowerPlan[] }[] = [];
    const eventIds: number[] = [];
    for (const [accountId, openids] of byAccount) {
      const { plans, pendingIds } = await planAccount(session, accountId, [...openids], zones.get(accountId) ?? "Asia/Shanghai");
      planned.push({ accountId, plans });
      eventIds.push(...pendingIds);
    }
    await writeBatch(session, planned, eventIds, now());
    return { attributed: eventIds.length, busy: false };
  });
}
