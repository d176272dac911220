import { describe, expect, it } from "vitest";
import { replayFollower, type ReplayEvent } from "./replay-follower";

const DAY = 86400;
const lookup = (scene: string) => ({ "1": "alice", "2": "bob" })[scene] ?? null;
const qualified = (events: ReplayEvent[], days = 3) => replayFollower(events, lookup, days).state?.qualified;
const sub = (id: number, createTime: number, scene: string | null = "1"): ReplayEvent => ({ id, createTime, event: "subscribe", scene });
const unsub = (id: number, createTime: number): ReplayEvent => ({ id, createTime, event: "unsubscribe", scene: null });

describe("有效关注: still following N days after the credited first follow", () => {
  it("a follower who stays is qualified; one who leaves inside the window is not", () => {
    expect(qualified([sub(1, 1000)])).toBe(true);
    expect(qualified([sub(1, 1000), unsub(2, 1000 + 2 * DAY)])).toBe(false);
  });

  it("an unfollow and a re-follow inside the window: the state at t + N counts (qualified)", () => {
    expect(qualified([sub(1, 1000), unsub(2, 1000 + DAY), sub(3, 1000 + 2 * DAY, "2")])).toBe(true);
  });

  it("an unfollow exactly at t + N disqualifies (the bound is inclusive); one second later does not", () => {
    expect(qualified([sub(1, 1000), unsub(2, 1000 + 3 * DAY)])).toBe(false);
    expect(qualified([sub(1, 1000), unsub(2, 1000 + 3 * DAY + 1)])).toBe(true);
  });

  it("a re-follow exactly at t + N after an unfollow qualifies again", () => {
    expect(qualified([sub(1, 1000), unsub(2, 1000 + DAY), sub(3, 1000 + 3 * DAY)])).toBe(true);
  });

  it("events that arrived out of order give the same answer as in order", () => {
    const events = [sub(3, 1000 + 2 * DAY), unsub(1, 1000 + DAY), sub(2, 1000)];
    expect(qualified(events)).toBe(true);
    expect(qualified([unsub(2, 1000 + 2 * DAY), sub(1, 1000)])).toBe(false);
    // the same seconds, arrival decides: unfollow (id 2) after the re-follow (id 1) wins
    expect(qualified([sub(3, 1000), unsub(4, 1000 + DAY), sub(1, 1000 + 3 * DAY), unsub(2, 1000 + 3 * DAY)])).toBe(false);
  });

  it("applies the account's N: the same history qualifies under N = 1 but not under N = 5", () => {
    const events = [sub(1, 1000), unsub(2, 1000 + 4 * DAY)];
    expect(qualified(events, 1)).toBe(true);
    expect(qualified(events, 5)).toBe(false);
  });

  it("counts from the first follow: a follower first seen unfollowing, or organic, has no credited follow to qualify", () => {
    const { state } = replayFollower([sub(1, 1000, null)], lookup, 3);
    expect(state).toMatchObject({ source: "organic", qualified: true }); // the flag, but never counted for a promoter
    const preexisting = replayFollower([unsub(1, 1000), sub(2, 2000)], lookup, 3).state;
    expect(preexisting?.source).toBe("preexisting");
  });
});
