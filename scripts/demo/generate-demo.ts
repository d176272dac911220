// Demo rows in chunks, derived exactly as ingestion would: each follower's story is replayed through
// the attribution rules (replayFollower), and the rollups are summed from the resulting ledger.
import { countersFor } from "../../lib/attribution/decide-attribution";
import { DEFAULT_QUALIFY_DAYS, replayFollower } from "../../lib/attribution/replay-follower";
import { dayWeights, promoterWeights, random, timeOfDay, weightedPicker } from "./demo-shape";
import { followerStory } from "./follower-story";
import { addRollup, type Rollups } from "./rollups";

export type DemoPromoter = { id: string; scene: string; qrCodeId: string };
export type DemoPlan = {
  runTag: string;
  promoters: DemoPromoter[];
  followers: number;
  /** Day starts (unix seconds) of the D days, oldest first, then the start of the day after. */
  dayStarts: number[];
  days: string[];
  now: number;
  seed: number;
};
export type EventRow = { id: number; fromUser: string; createTime: number; event: string; eventKey: string | null; ticket: string | null; receivedAt: number; attributedAt: number };
export type AttributionRow = { id: number; eventId: number; followerId: string; promoterId: string | null; qrCodeId: string | null; sceneKey: string | null; kind: string; occurredAt: number; day: string; createdAt: number };
export type FollowerRow = {
  id: string; openid: string; promoterId: string | null; source: string; firstSceneKey: string | null; status: string;
  firstFollowedAt: number | null; lastFollowedAt: number | null; unfollowedAt: number | null; retained7: boolean | null; createdAt: number; updatedAt: number;
  qualified: boolean | null;
};
export type DemoChunk = { events: EventRow[]; attributions: AttributionRow[]; followers: FollowerRow[] };

export function* demoChunks(plan: DemoPlan, ids: { event: number; attribution: number }, rollups: Rollups, chunkSize = 20_000): Generator<DemoChunk> {
  const next = random(plan.seed);
  const byScene = new Map(plan.promoters.map((p) => [p.scene, p]));
  const pickPromoter = weightedPicker(promoterWeights(plan.promoters.length, next), next);
  const dayCount = plan.days.length;
  const weights = dayWeights(dayCount, new Date(plan.dayStarts[0] * 1000 + 12 * 3600_000).getUTCDay(), next);
  const todaySoFar = Math.max(0, plan.now - 60 - plan.dayStarts[dayCount - 1]);
  weights[dayCount - 1] *= todaySoFar / 86400; // today has only had its hours so far
  const pickDay = weightedPicker(weights, next);
  const unknown = Array.from({ length: 5 }, (_, k) => String(plan.promoters.length + 101 + k));
  const dayIndex = (t: number) => {
    let lo = 0;
    let hi = dayCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (plan.dayStarts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const shape = { next, pickScene: () => plan.promoters[pickPromoter()].scene, pickUnknownScene: () => unknown[Math.floor(next() * unknown.length)] };
  let chunk: DemoChunk = { events: [], attributions: [], followers: [] };
  for (let i = 0; i < plan.followers; i++) {
    const d = pickDay();
    const firstAt = d === dayCount - 1 ? plan.dayStarts[d] + Math.floor(next() * todaySoFar) : plan.dayStarts[d] + timeOfDay(next);
    const story = followerStory({ ...shape, firstAt, now: plan.now });
    const openid = `o${plan.runTag}${i.toString(36).padStart(8, "0")}`;
    const followerId = `${plan.runTag}f${i.toString(36)}`;
    const events: EventRow[] = story.map((e) => {
      const receivedAt = e.createTime * 1000 + 50 + Math.floor(next() * 700);
      const ticket = e.scene !== null && e.event !== "unsubscribe" ? `gQ${e.scene}` : null;
      return { id: ids.event++, fromUser: openid, createTime: e.createTime, event: e.event, eventKey: e.eventKey, ticket, receivedAt, attributedAt: receivedAt + 100 + Math.floor(next() * 500) };
    });
    const { decisions, state } = replayFollower(story.map((e, k) => ({ ...e, id: events[k].id })), (scene) => byScene.get(scene)?.id, DEFAULT_QUALIFY_DAYS); // the demo account keeps the default N
    if (!state) continue;
    events.forEach((e, k) => {
      const decision = decisions.get(e.id)!;
      const scene = story[k].scene;
      const day = plan.days[dayIndex(e.createTime)];
      chunk.attributions.push({
        id: ids.attribution++, eventId: e.id, followerId, promoterId: decision.promoterId, qrCodeId: scene === null ? null : (byScene.get(scene)?.qrCodeId ?? null),
        sceneKey: scene, kind: decision.kind, occurredAt: e.createTime * 1000, day, createdAt: e.attributedAt,
      });
      const counters = countersFor(decision.kind, decision.promoterId);
      addRollup(rollups, decision.promoterId, day, counters.promoter, counters.account);
    });
    if (state.source === "qr" && state.promoterId && state.retained7 && state.firstFollowedAt !== null) {
      addRollup(rollups, state.promoterId, plan.days[dayIndex(state.firstFollowedAt)], { retained7: 1 }, {});
    }
    if (state.source === "qr" && state.promoterId && state.qualified && state.firstFollowedAt !== null) {
      addRollup(rollups, state.promoterId, plan.days[dayIndex(state.firstFollowedAt)], { qualified: 1 }, {});
    }
    const ms = (s: number | null) => (s === null ? null : s * 1000);
    chunk.events.push(...events);
    chunk.followers.push({
      id: followerId, openid, promoterId: state.promoterId, source: state.source, firstSceneKey: state.firstSceneKey, status: state.status,
      firstFollowedAt: ms(state.firstFollowedAt), lastFollowedAt: ms(state.lastFollowedAt), unfollowedAt: ms(state.unfollowedAt), retained7: state.retained7,
      createdAt: events[0].receivedAt, updatedAt: events[events.length - 1].attributedAt, qualified: state.qualified,
    });
    if (chunk.followers.length >= chunkSize) {
      yield chunk;
      chunk = { events: [], attributions: [], followers: [] };
    }
  }
  if (chunk.followers.length) yield chunk;
}
