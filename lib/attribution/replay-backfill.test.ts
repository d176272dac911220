import { describe, expect, it } from "vitest";
import { countersFor } from "./decide-attribution";
import { replayFollower, type ReplayEvent } from "./replay-follower";

// The import's synthetic events (backfill, reconcile) under the same replay as live events.
const promoters: Record<string, string | null> = { "1": "alice", "2": "bob" };
const replay = (events: ReplayEvent[]) => {
  const { decisions, state } = replayFollower(events, (scene) => promoters[scene]);
  return { kinds: events.map((e) => [decisions.get(e.id)!.kind, decisions.get(e.id)!.promoterId]), state };
};

describe("imported followers", () => {
  it("an unknown openid is backfilled to its known scene's promoter, counted only as backfilled", () => {
    const { kinds, state } = replay([{ id: 1, createTime: 100, event: "backfill", scene: "1" }]);
    expect(kinds).toEqual([["backfilled", "alice"]]);
    expect(state).toMatchObject({ status: "following", source: "backfilled", promoterId: "alice", firstSceneKey: "1", firstFollowedAt: 100 });
    expect(countersFor("backfilled", "alice")).toEqual({ promoter: { backfilled: 1 }, account: { backfilled: 1 } });
  });

  it("an unknown scene or no scene is imported without a promoter", () => {
    expect(replay([{ id: 1, createTime: 100, event: "backfill", scene: "99" }]).kinds).toEqual([["backfilled", null]]);
    expect(replay([{ id: 1, createTime: 100, event: "backfill", scene: null }]).kinds).toEqual([["backfilled", null]]);
  });

  it("backfill after live: the live follow stays the credit and the import is ignored", () => {
    const { kinds, state } = replay([
      { id: 1, createTime: 100, event: "subscribe", scene: "1" },
      { id: 2, createTime: 100, event: "backfill", scene: "2" },
    ]);
    expect(kinds).toEqual([["new_follow", "alice"], ["ignored", null]]);
    expect(state).toMatchObject({ source: "qr", promoterId: "alice" });
  });

  it("a live follow after the import wins: the import is superseded and the follow is the first", () => {
    const { kinds, state } = replay([
      { id: 1, createTime: 100, event: "backfill", scene: "1" },
      { id: 2, createTime: 500, event: "subscribe", scene: "2" },
    ]);
    expect(kinds).toEqual([["superseded", null], ["new_follow", "bob"]]);
    expect(state).toMatchObject({ source: "qr", promoterId: "bob", firstFollowedAt: 500 });
    expect(countersFor("superseded", null)).toEqual({ promoter: {}, account: {} });
  });

  it("a live unfollow after the import counts for the imported owner; a later follow is a re-follow", () => {
    const { kinds, state } = replay([
      { id: 1, createTime: 100, event: "backfill", scene: "1" },
      { id: 2, createTime: 200, event: "unsubscribe", scene: null },
      { id: 3, createTime: 300, event: "subscribe", scene: "2" },
    ]);
    expect(kinds).toEqual([["backfilled", "alice"], ["unfollow", "alice"], ["refollow", "bob"]]);
    expect(state).toMatchObject({ status: "following", source: "backfilled", promoterId: "alice" });
  });

  it("a reconcile is an unfollow for the owner, and nothing once the follower is already gone", () => {
    expect(replay([
      { id: 1, createTime: 100, event: "subscribe", scene: "1" },
      { id: 2, createTime: 900, event: "reconcile", scene: null },
    ]).kinds).toEqual([["new_follow", "alice"], ["unfollow", "alice"]]);
    expect(replay([
      { id: 1, createTime: 100, event: "subscribe", scene: "1" },
      { id: 2, createTime: 800, event: "unsubscribe", scene: null }, // arrived late, happened first
      { id: 3, createTime: 900, event: "reconcile", scene: null },
    ]).kinds).toEqual([["new_follow", "alice"], ["unfollow", "alice"], ["ignored", null]]);
  });
});
