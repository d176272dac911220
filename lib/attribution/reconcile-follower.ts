import type { Tx } from "../db";
import { dayOf } from "../stats/day";
import { sceneFromEventKey } from "../wechat/parse-message";
import { bumpRollups } from "./bump-rollups";
import { countersFor, type LedgerKind } from "./decide-attribution";
import { replayFollower, type ReplayEvent } from "./replay-follower";

const seconds = (t: number | null) => (t === null ? null : new Date(t * 1000));
const negate = (counters: Record<string, number | undefined>) => Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, -(v ?? 0)]));

/**
 * Re-derives one follower's ledger from all their stored events, in the order they happened, and
 * applies only the differences: new rows for new events, corrected rows (marked reassignedAt) for
 * events whose meaning changed, and the matching rollup deltas. Returns the rows' decisions by event.
 */
export async function reconcileFollower(tx: Tx, account: { id: string; timezone: string }, openid: string, now = new Date()) {
  const where = { accountId: account.id, openid };
  // Lock the follower row first, so concurrent events of one follower replay one after another.
  await tx.$executeRaw`UPDATE "Follower" SET "updatedAt" = ${now} WHERE "accountId" = ${account.id} AND "openid" = ${openid}`;
  const [follower, stored] = await Promise.all([
    tx.follower.findUnique({ where: { accountId_openid: where }, select: { id: true } }),
    tx.wechatEvent.findMany({ where: { accountId: account.id, fromUser: openid }, select: { id: true, createTime: true, event: true, eventKey: true, attribution: true } }),
  ]);
  const events: (ReplayEvent & { row: (typeof stored)[number] })[] = stored.map((row) => {
    const event = row.event as ReplayEvent["event"];
    return { id: row.id, createTime: Number(row.createTime), event, scene: sceneFromEventKey(event, row.eventKey ?? undefined), row };
  });
  const scenes = [...new Set(events.map((e) => e.scene).filter((s): s is string => s !== null))];
  const codes = scenes.length
    ? await tx.qrCode.findMany({ where: { accountId: account.id, sceneKey: { in: scenes } }, select: { id: true, sceneKey: true, promoterId: true } })
    : [];
  const codeOf = new Map(codes.map((c) => [c.sceneKey, c]));
  const { decisions, state } = replayFollower(events, (scene) => (codeOf.has(scene) ? codeOf.get(scene)!.promoterId : undefined));
  if (!state) return decisions;

  const data = {
    promoterId: state.promoterId,
    source: state.source,
    firstSceneKey: state.firstSceneKey,
    status: state.status,
    firstFollowedAt: seconds(state.firstFollowedAt),
    lastFollowedAt: seconds(state.lastFollowedAt),
    unfollowedAt: seconds(state.unfollowedAt),
    retained7: state.retained7,
  };
  const followerId = follower
    ? (await tx.follower.update({ where: { id: follower.id }, data, select: { id: true } })).id
    : (await tx.follower.create({ data: { accountId: account.id, openid, ...data }, select: { id: true } })).id;

  for (const e of events) {
    const d = decisions.get(e.id)!;
    const old = e.row.attribution;
    if (!old) {
      const occurredAt = new Date(e.createTime * 1000);
      const day = dayOf(occurredAt, account.timezone);
      await tx.attribution.create({
        data: { accountId: account.id, eventId: e.id, followerId, promoterId: d.promoterId, qrCodeId: e.scene ? (codeOf.get(e.scene)?.id ?? null) : null, sceneKey: e.scene, kind: d.kind, occurredAt, day },
      });
      await bumpRollups(tx, { accountId: account.id, promoterId: d.promoterId, day }, d.promoterCounters, d.accountCounters);
    } else if (old.kind !== d.kind || old.promoterId !== d.promoterId) {
      const before = countersFor(old.kind as LedgerKind, old.promoterId);
      await bumpRollups(tx, { accountId: account.id, promoterId: old.promoterId, day: old.day }, negate(before.promoter), negate(before.account));
      await bumpRollups(tx, { accountId: account.id, promoterId: d.promoterId, day: old.day }, d.promoterCounters, d.accountCounters);
      await tx.attribution.update({
        where: { id: old.id },
        data: { kind: d.kind, promoterId: d.promoterId, qrCodeId: e.scene ? (codeOf.get(e.scene)?.id ?? old.qrCodeId) : old.qrCodeId, reassignedAt: now },
      });
    }
  }
  return decisions;
}
