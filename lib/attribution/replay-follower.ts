import { countersFor, decideAttribution, type AttributedEvent, type AttributionDecision, type FollowerSource } from "./decide-attribution";

export type ReplayEvent = { id: number; createTime: number; event: AttributedEvent; scene: string | null };

export type FollowerState = {
  status: "following" | "unfollowed";
  promoterId: string | null;
  source: FollowerSource;
  firstSceneKey: string | null;
  firstFollowedAt: number | null;
  lastFollowedAt: number | null;
  unfollowedAt: number | null;
  /** Following 7 days after the first follow, as far as the events up to then tell. */
  retained7: boolean | null;
  /**
   * 有效关注: following qualifyDays after the first follow, as far as the events up to then tell (the
   * state after the last event at or before that moment). Final only once that moment has passed.
   */
  qualified: boolean | null;
};

const DAY_S = 86400;
const RETENTION_WINDOW_S = 7 * DAY_S;
/** Account.qualifyDays' default: the N of 有效关注. */
export const DEFAULT_QUALIFY_DAYS = 3;

const SUPERSEDED: AttributionDecision = { kind: "superseded", promoterId: null, follower: { action: "none" }, ...((c) => ({ promoterCounters: c.promoter, accountCounters: c.account }))(countersFor("superseded", null)) };

/**
 * Applies the attribution rules to one follower's events in the order they happened (CreateTime,
 * then arrival), whatever order they arrived in. Returns each event's decision and the follower's
 * resulting state, so a late event (an unsubscribe older than the subscribe already stored, a scene
 * mapped to a promoter after the fact) re-derives everything it changes.
 */
export function replayFollower(events: ReplayEvent[], promoterOfScene: (scene: string) => string | null | undefined, qualifyDays = DEFAULT_QUALIFY_DAYS) {
  const qualifyWindowS = qualifyDays * DAY_S;
  const ordered = [...events].sort((a, b) => a.createTime - b.createTime || a.id - b.id);
  const decisions = new Map<number, AttributionDecision>();
  let state = null as FollowerState | null;
  // The backfill event the follower's state comes from, while nothing live has followed it.
  let backfillId: number | null = null;
  for (const e of ordered) {
    // A later live event wins: a live follow of a follower known only from an import replaces the
    // import's credit (it is not counted twice), and is decided as the follower's first follow.
    const supersedes = e.event === "subscribe" && backfillId !== null && state?.status === "following";
    if (supersedes) {
      decisions.set(backfillId!, SUPERSEDED);
      state = null;
    }
    const decision = decideAttribution({
      event: e.event,
      scene: e.scene,
      scenePromoterId: e.scene === null ? undefined : promoterOfScene(e.scene),
      follower: state,
    });
    if (e.event === "backfill" && decision.kind === "backfilled") backfillId = e.id;
    else if (e.event === "subscribe" || e.event === "unsubscribe") backfillId = null;
    decisions.set(e.id, decision);
    const change = decision.follower;
    if (change.action === "create") {
      const following = change.status === "following";
      state = {
        status: change.status,
        promoterId: change.promoterId,
        source: change.source,
        firstSceneKey: e.event === "subscribe" || e.event === "backfill" ? e.scene : null,
        firstFollowedAt: following ? e.createTime : null,
        lastFollowedAt: following ? e.createTime : null,
        unfollowedAt: following ? null : e.createTime,
        retained7: null,
        qualified: null,
      };
    } else if (change.action === "follow" && state) {
      state = { ...state, status: "following", firstFollowedAt: state.firstFollowedAt ?? e.createTime, lastFollowedAt: e.createTime, unfollowedAt: null };
    } else if (change.action === "unfollow" && state) {
      state = { ...state, status: "unfollowed", unfollowedAt: e.createTime };
    }
    if (state?.firstFollowedAt != null && e.createTime <= state.firstFollowedAt + RETENTION_WINDOW_S) {
      state = { ...state, retained7: state.status === "following" };
    }
    // Inclusive bound, like retained7's: an unfollow exactly qualifyDays after the follow disqualifies it.
    if (state?.firstFollowedAt != null && e.createTime <= state.firstFollowedAt + qualifyWindowS) {
      state = { ...state, qualified: state.status === "following" };
    }
  }
  return { decisions, state };
}
