// What one follower's stored events mean, as writes: a pure function, so the worker can plan a
// whole batch in memory and write it with a few set-based statements.
import { countersFor, type AccountCounters, type AttributedEvent, type LedgerKind, type PromoterCounters } from "../../attribution/decide-attribution";
import { DEFAULT_QUALIFY_DAYS, replayFollower, type FollowerState } from "../../attribution/replay-follower";
import { dayOf } from "../../stats/day";
import { sceneFromEventKey } from "../../wechat/parse-message";

export type StoredEvent = {
  id: number;
  createTime: number;
  event: AttributedEvent;
  eventKey: string | null;
  attribution: { id: number; kind: string; promoterId: string | null; qrCodeId: string | null; day: string } | null;
};
export type StoredFollower = { id: string } & Omit<FollowerState, "firstFollowedAt" | "lastFollowedAt" | "unfollowedAt"> & {
  firstFollowedAt: Date | null;
  lastFollowedAt: Date | null;
  unfollowedAt: Date | null;
};
export type Code = { id: string; promoterId: string | null };
export type Counters = PromoterCounters & AccountCounters & { retained7?: number; qualified?: number };
/** A change to one rollup row: the promoter's day (PromoterDailyStat) or the account's day (AccountDailyStat). */
export type Delta = { promoterId: string; day: string; counters: Counters } | { promoterId: null; day: string; counters: Counters };

export type FollowerPlan = {
  follower: { id: string; openid: string; isNew: boolean; changed: boolean; state: FollowerState };
  inserts: { eventId: number; promoterId: string | null; qrCodeId: string | null; sceneKey: string | null; kind: LedgerKind; occurredAt: Date; day: string; note: string | null }[];
  updates: { id: number; kind: LedgerKind; promoterId: string | null; qrCodeId: string | null }[];
  deltas: Delta[];
};

const ms = (d: Date | null) => (d === null ? null : Math.floor(d.getTime() / 1000));
const negate = (c: Counters): Counters => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, -(v ?? 0)]));
const both = (kind: LedgerKind, promoterId: string | null) => {
  const c = countersFor(kind, promoterId);
  return { promoter: c.promoter as Counters, account: c.account as Counters };
};

type SlotState = Pick<FollowerState, "source" | "promoterId" | "retained7" | "qualified"> & { firstFollowedAt: number | null };

/** The (promoter, first-follow day) whose retained7 or qualified rollup a follower counts toward, if any. */
function slot(state: SlotState, flag: "retained7" | "qualified", timeZone: string) {
  if (state.source !== "qr" || !state.promoterId || !state[flag] || state.firstFollowedAt === null) return null;
  return { promoterId: state.promoterId, day: dayOf(new Date(state.firstFollowedAt * 1000), timeZone) };
}

const sameState = (a: StoredFollower, b: FollowerState) =>
  a.status === b.status && a.promoterId === b.promoterId && a.source === b.source && a.firstSceneKey === b.firstSceneKey &&
  ms(a.firstFollowedAt) === b.firstFollowedAt && ms(a.lastFollowedAt) === b.lastFollowedAt && ms(a.unfollowedAt) === b.unfollowedAt && a.retained7 === b.retained7 &&
  a.qualified === b.qualified;

/**
 * Replays the follower's events in the order they happened (replayFollower) and returns only the
 * differences from what is stored: ledger rows for new events, corrections for events whose meaning
 * changed (a late event, a scene mapped after the fact) and the rollup deltas, all idempotent.
 */
export function planFollower(
  openid: string,
  events: StoredEvent[],
  stored: StoredFollower | null,
  codeOf: Map<string, Code>,
  timeZone: string,
  newId: () => string,
  qualifyDays = DEFAULT_QUALIFY_DAYS,
): FollowerPlan | null {
  const withScenes = events.map((e) => ({ ...e, scene: sceneFromEventKey(e.event, e.eventKey ?? undefined) }));
  const { decisions, state } = replayFollower(withScenes, (scene) => (codeOf.has(scene) ? codeOf.get(scene)!.promoterId : undefined), qualifyDays);
  if (!state) return null;
  const plan: FollowerPlan = {
    follower: { id: stored?.id ?? newId(), openid, isNew: !stored, changed: !stored || !sameState(stored, state), state },
    inserts: [],
    updates: [],
    deltas: [],
  };
  const bump = (promoterId: string | null, day: string, c: { promoter: Counters; account: Counters }) => {
    if (promoterId && Object.keys(c.promoter).length) plan.deltas.push({ promoterId, day, counters: c.promoter });
    if (Object.keys(c.account).length) plan.deltas.push({ promoterId: null, day, counters: c.account });
  };
  for (const e of withScenes) {
    const d = decisions.get(e.id)!;
    const code = e.scene ? codeOf.get(e.scene) : undefined;
    const old = e.attribution;
    if (!old) {
      const occurredAt = new Date(e.createTime * 1000);
      const day = dayOf(occurredAt, timeZone);
      const note = e.event === "reconcile" ? "reconciled" : null; // the unfollow an import's reconciliation wrote
      plan.inserts.push({ eventId: e.id, promoterId: d.promoterId, qrCodeId: code?.id ?? null, sceneKey: e.scene, kind: d.kind, occurredAt, day, note });
      bump(d.promoterId, day, both(d.kind, d.promoterId));
    } else if (old.kind !== d.kind || old.promoterId !== d.promoterId) {
      const before = both(old.kind as LedgerKind, old.promoterId);
      bump(old.promoterId, old.day, { promoter: negate(before.promoter), account: negate(before.account) });
      bump(d.promoterId, old.day, both(d.kind, d.promoterId));
      plan.updates.push({ id: old.id, kind: d.kind, promoterId: d.promoterId, qrCodeId: code?.id ?? old.qrCodeId });
    }
  }
  const storedSlot = stored ? { ...stored, firstFollowedAt: ms(stored.firstFollowedAt) } : null;
  for (const flag of ["retained7", "qualified"] as const) {
    const before = storedSlot ? slot(storedSlot, flag, timeZone) : null;
    const after = slot(state, flag, timeZone);
    if (before?.promoterId !== after?.promoterId || before?.day !== after?.day) {
      if (before) plan.deltas.push({ promoterId: before.promoterId, day: before.day, counters: { [flag]: -1 } });
      if (after) plan.deltas.push({ promoterId: after.promoterId, day: after.day, counters: { [flag]: 1 } });
    }
  }
  return plan;
}
