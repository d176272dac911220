// The attribution rules (ARCHITECTURE.md), as a pure function of the event and what is stored.
//
// subscribe + qrscene_<scene>  first follow in the account → new follower of the scene's promoter
//                              (first-touch owner); a later follow → re-follow for the QR's promoter
// subscribe without a scene    organic follower (no promoter)
// unknown scene                stored unattributed with its scene, creditable once mapped
// SCAN                         a scan for the scene's promoter, no follower credit
// unsubscribe                  follower inactive; the owner's unfollow count rises; history kept
//
// Imports of existing followers (lib/backfill) add two synthetic events, replayed by the same rules:
// backfill (WeChat lists the openid; its subscribe_time is the CreateTime, qrscene_<qr_scene> the key)
//                              unknown openid → "backfilled": a follower credited to the scene's promoter
//                              when the scene is known, counted only in the separate backfilled figures,
//                              never as a new follower; an openid we know already → ignored (live wins)
//   a later live subscribe     while the backfill is all we know → the backfilled credit is "superseded"
//                              and the live follow is decided as if the follower were new (replayFollower)
// reconcile (an import's user/get no longer lists a follower we think follows)
//                              → an unfollow like unsubscribe, its ledger row marked note "reconciled"

export type LedgerKind = "new_follow" | "refollow" | "organic" | "unknown_scene" | "scan" | "unfollow" | "ignored" | "backfilled" | "superseded";
export type FollowerSource = "qr" | "organic" | "unknown_scene" | "preexisting" | "backfilled";
export type AttributedEvent = "subscribe" | "unsubscribe" | "SCAN" | "backfill" | "reconcile";

export type PromoterCounters = Partial<Record<"newFollowers" | "refollows" | "unfollows" | "scans" | "backfilled", number>>;
export type AccountCounters = PromoterCounters & Partial<Record<"organic" | "unattributed", number>>;

export type AttributionInput = {
  event: AttributedEvent;
  scene: string | null;
  /** The promoter of the scene's QR code: null when the code has none, undefined when no code has the scene. */
  scenePromoterId: string | null | undefined;
  follower: { status: string; promoterId: string | null } | null;
};

export type AttributionDecision = {
  kind: LedgerKind;
  promoterId: string | null;
  follower:
    | { action: "create"; source: FollowerSource; promoterId: string | null; status: "following" | "unfollowed" }
    | { action: "follow" | "unfollow" }
    | { action: "none" };
  promoterCounters: PromoterCounters;
  accountCounters: AccountCounters;
};

const none = { action: "none" } as const;

/** The rollup counters one ledger row contributes, from its kind and promoter alone. */
export function countersFor(kind: LedgerKind, promoterId: string | null): { promoter: PromoterCounters; account: AccountCounters } {
  const p = (counters: PromoterCounters) => (promoterId ? counters : {});
  switch (kind) {
    case "new_follow":
      return { promoter: p({ newFollowers: 1 }), account: { newFollowers: 1 } };
    case "organic":
      return { promoter: {}, account: { newFollowers: 1, organic: 1 } };
    case "unknown_scene":
      return { promoter: {}, account: { newFollowers: 1, unattributed: 1 } };
    case "refollow":
      return { promoter: p({ refollows: 1 }), account: { refollows: 1 } };
    case "scan":
      return { promoter: p({ scans: 1 }), account: { scans: 1 } };
    case "unfollow":
      return { promoter: p({ unfollows: 1 }), account: { unfollows: 1 } };
    case "backfilled":
      return { promoter: p({ backfilled: 1 }), account: { backfilled: 1 } };
    default:
      return { promoter: {}, account: {} };
  }
}

function decision(kind: LedgerKind, promoterId: string | null, follower: AttributionDecision["follower"]): AttributionDecision {
  const counters = countersFor(kind, promoterId);
  return { kind, promoterId, follower, promoterCounters: counters.promoter, accountCounters: counters.account };
}

export function decideAttribution({ event, scene, scenePromoterId, follower }: AttributionInput): AttributionDecision {
  const promoterOfScene = scenePromoterId ?? null;
  if (event === "SCAN") {
    // Only followers can SCAN; one we have never seen followed before Scenecode was connected.
    return decision("scan", promoterOfScene, follower ? none : { action: "create", source: "preexisting", promoterId: null, status: "following" });
  }
  if (event === "backfill") {
    if (follower) return ignored(); // live events (or an earlier import) already decided this follower
    const promoterId = scene !== null && promoterOfScene ? promoterOfScene : null;
    return decision("backfilled", promoterId, { action: "create", source: "backfilled", promoterId, status: "following" });
  }
  if (event === "unsubscribe" || event === "reconcile") {
    if (follower?.status === "unfollowed") return ignored();
    const owner = follower?.promoterId ?? null;
    return decision("unfollow", owner, follower ? { action: "unfollow" } : { action: "create", source: "preexisting", promoterId: null, status: "unfollowed" });
  }
  if (follower) {
    if (follower.status === "following") return ignored(); // already counted; nothing changed
    return decision("refollow", promoterOfScene, { action: "follow" });
  }
  if (scene === null) return decision("organic", null, { action: "create", source: "organic", promoterId: null, status: "following" });
  if (!promoterOfScene) return decision("unknown_scene", null, { action: "create", source: "unknown_scene", promoterId: null, status: "following" });
  return decision("new_follow", promoterOfScene, { action: "create", source: "qr", promoterId: promoterOfScene, status: "following" });
}

function ignored(): AttributionDecision {
  return decision("ignored", null, none);
}
