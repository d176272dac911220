import { describe, expect, it } from "vitest";
import { replayFollower, type ReplayEvent } from "./replay-follower";

const promoters: Record<string, string | null> = { "1": "alice", "2": "bob" };
const lookup = (scene: string) => promoters[scene];
const kinds = (events: ReplayEvent[]) => {
  const { decisions, state } = replayFollower(events, lookup);
  return { kinds: events.map((e) => [decisions.get(e.id)!.kind, decisions.get(e.id)!.promoterId]), state };
};

describe("replaying a follower's events in the order they happened", () => {
  it("gives the same result whatever order an unsubscribe and its subscribe arrived in", () => {
    const sub: ReplayEvent = { id: 2, createTime: 100, event: "subscribe", scene: "1" };
    const unsub: ReplayEvent = { id: 1, createTime: 200, event: "unsubscribe", scene: null }; // arrived first
    const { kinds: k, state } = kinds([unsub, sub]);
    expect(k).toEqual([["unfollow", "alice"], ["new_follow", "alice"]]);
    expect(state).toMatchObject({ status: "unfollowed", promoterId: "alice", source: "qr", firstFollowedAt: 100, unfollowedAt: 200 });
  });

  it("follow → unfollow → follow again through another promoter's code", () => {
    const { kinds: k, state } = kinds([
      { id: 1, createTime: 100, event: "subscribe", scene: "1" },
      { id: 2, createTime: 200, event: "unsubscribe", scene: null },
      { id: 3, createTime: 300, event: "subscribe", scene: "2" },
    ]);
    expect(k).toEqual([["new_follow", "alice"], ["unfollow", "alice"], ["refollow", "bob"]]);
    expect(state).toMatchObject({ status: "following", promoterId: "alice", lastFollowedAt: 300 });
  });

  it("a stale unfollow older than a re-follow leaves the follower following, counting both", () => {
    const { kinds: k, state } = kinds([
      { id: 1, createTime: 100, event: "subscribe", scene: "1" },
      { id: 2, createTime: 300, event: "subscribe", scene: "2" },
      { id: 3, createTime: 200, event: "unsubscribe", scene: null },
    ]);
    expect(k).toEqual([["new_follow", "alice"], ["refollow", "bob"], ["unfollow", "alice"]]);
    expect(state?.status).toBe("following");
  });

  it("credits an unknown scene once it is mapped", () => {
    const events: ReplayEvent[] = [{ id: 1, createTime: 100, event: "subscribe", scene: "9" }];
    expect(replayFollower(events, () => undefined).decisions.get(1)?.kind).toBe("unknown_scene");
    expect(replayFollower(events, () => "carol").decisions.get(1)).toMatchObject({ kind: "new_follow", promoterId: "carol" });
  });

  it("knows whether a follower was still following 7 days after the first follow", () => {
    const day = 86400;
    const first: ReplayEvent = { id: 1, createTime: 1000, event: "subscribe", scene: "1" };
    expect(replayFollower([first], lookup).state?.retained7).toBe(true);
    const leftOnDay3 = [first, { id: 2, createTime: 1000 + 3 * day, event: "unsubscribe", scene: null } as ReplayEvent];
    expect(replayFollower(leftOnDay3, lookup).state?.retained7).toBe(false);
    const backOnDay5 = [...leftOnDay3, { id: 3, createTime: 1000 + 5 * day, event: "subscribe", scene: "2" } as ReplayEvent];
    expect(replayFollower(backOnDay5, lookup).state?.retained7).toBe(true);
    const leftOnDay9 = [first, { id: 2, createTime: 1000 + 9 * day, event: "unsubscribe", scene: null } as ReplayEvent];
    expect(replayFollower(leftOnDay9, lookup).state?.retained7).toBe(true);
  });

  it("breaks CreateTime ties by arrival", () => {
    const { kinds: k } = kinds([
      { id: 1, createTime: 100, event: "subscribe", scene: "1" },
      { id: 2, createTime: 100, event: "unsubscribe", scene: null },
    ]);
    expect(k).toEqual([["new_follow", "alice"], ["unfollow", "alice"]]);
  });
});
