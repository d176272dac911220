// The attribution rules (ARCHITECTURE.md), as a pure function of the event and what is stored.
//
// subscribe + qrscene_<scene>  first follow in the account → new follower of the scene's promoter
//                              (first-touch owner); a later follow → re-follow for the QR's promoter
// subscribe without a scene    organic follower (no promoter)
// unknown scene                stored unattributed with its scene, creditable once mapped
// SCAN                         a scan for the scene's promoter, no follower credit
// unsubscribe                  follower inactive; the owner's unfollow count rises; history kept

export type LedgerKind = "new_follow" | "refollow" | "organic" | "unknown_scene" | "scan" | "unfollow" | "ignored";
export type FollowerSource = "qr" | "organic" | "unknown_scene" | "preexisting";

export type PromoterCounters = Partial<Record<"newFollowers" | "refollows" | "unfollows" | "scans", number>>;
export type AccountCounters = PromoterCounters & Partial<Record<"organic" | "unattributed", number>>;

export type AttributionInput = {
  event: "subscribe" | "unsubscribe" | "SCAN";
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

export function decideAttribution({ event, scene, scenePromoterId, follower }: AttributionInput): AttributionDecision {
  const promoterOfScene = scenePromoterId ?? null;
  if (event === "SCAN") {
    return {
      kind: "scan",
      promoterId: promoterOfScene,
      // Only followers can SCAN; one we have never seen followed before Scenecode was connected.
      follower: follower ? none : { action: "create", source: "preexisting", promoterId: null, status: "following" },
      promoterCounters: promoterOfScene ? { scans: 1 } : {},
      accountCounters: { scans: 1 },
    };
  }
  if (event === "unsubscribe") {
    if (follower?.status === "unfollowed") return ignored();
    const owner = follower?.promoterId ?? null;
    return {
      kind: "unfollow",
      promoterId: owner,
      follower: follower ? { action: "unfollow" } : { action: "create", source: "preexisting", promoterId: null, status: "unfollowed" },
      promoterCounters: owner ? { unfollows: 1 } : {},
      accountCounters: { unfollows: 1 },
    };
  }
  if (follower) {
    if (follower.status === "following") return ignored(); // already counted; nothing changed
    return {
      kind: "refollow",
      promoterId: promoterOfScene,
      follower: { action: "follow" },
      promoterCounters: promoterOfScene ? { refollows: 1 } : {},
      accountCounters: { refollows: 1 },
    };
  }
  if (scene === null) {
    return {
      kind: "organic",
      promoterId: null,
      follower: { action: "create", source: "organic", promoterId: null, status: "following" },
      promoterCounters: {},
      accountCounters: { newFollowers: 1, organic: 1 },
    };
  }
  if (!promoterOfScene) {
    return {
      kind: "unknown_scene",
      promoterId: null,
      follower: { action: "create", source: "unknown_scene", promoterId: null, status: "following" },
      promoterCounters: {},
      accountCounters: { newFollowers: 1, unattributed: 1 },
    };
  }
  return {
    kind: "new_follow",
    promoterId: promoterOfScene,
    follower: { action: "create", source: "qr", promoterId: promoterOfScene, status: "following" },
    promoterCounters: { newFollowers: 1 },
    accountCounters: { newFollowers: 1 },
  };
}

function ignored(): AttributionDecision {
  return { kind: "ignored", promoterId: null, follower: none, promoterCounters: {}, accountCounters: {} };
}
