import { describe, expect, it } from "vitest";
import { countUntrackedPush, untrackedPushCounts } from "./untracked-push-counts";

describe("countUntrackedPush", () => {
  it("counts events by Event and messages by MsgType, per account", () => {
    countUntrackedPush("acc-a", "event", "CLICK");
    countUntrackedPush("acc-a", "event", "CLICK");
    countUntrackedPush("acc-a", "text", undefined);
    countUntrackedPush("acc-a", "event", undefined);
    countUntrackedPush("acc-b", "event", "VIEW");
    expect(untrackedPushCounts("acc-a")).toEqual([["CLICK", 2], ["text", 1], ["event", 1]]);
    expect(untrackedPushCounts("acc-b")).toEqual([["VIEW", 1]]);
    expect(untrackedPushCounts("acc-none")).toEqual([]);
  });

  it("keeps at most 100 types per account and counts the rest as other", () => {
    for (let i = 0; i < 150; i++) countUntrackedPush("acc-c", "event", `forged_${i}`);
    const types = untrackedPushCounts("acc-c");
    expect(types).toHaveLength(101);
    expect(types[0]).toEqual(["other", 50]);
  });
});
