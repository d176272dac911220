import { describe, expect, it } from "vitest";
import { detectPromoter, detectSignals, findBursts, findQuickUnfollows, indexUnfollows, isNightHour, localHourReader, shareAbove, type LedgerFollow } from "./detect-signals";
import { DEFAULT_THRESHOLDS, signalSettingsSchema } from "./signal-settings";

const T0 = Date.parse("2026-11-10T04:00:00Z"); // 12:00 in Shanghai
const H = 3_600_000;
const follow = (i: number, at: number, extra: Partial<LedgerFollow> = {}): LedgerFollow => ({ promoterId: "p1", followerId: `f${i}`, qrCodeId: "c1", kind: "new_follow", at, ...extra });

describe("shareAbove", () => {
  it("flags only above the percentage, and only with the minimum sample", () => {
    expect(shareAbove(3, 10, 30, 10)).toBe(false); // exactly 30 %
    expect(shareAbove(4, 10, 30, 10)).toBe(true);
    expect(shareAbove(1, 2, 30, 10)).toBe(false); // 50 % of 2: too small a sample
    expect(shareAbove(9, 9, 30, 10)).toBe(false);
    expect(shareAbove(0, 0, 0, 0)).toBe(false);
  });
});

describe("findQuickUnfollows", () => {
  it("counts a new follower's first unfollow within 24 h, inclusive", () => {
    const follows = [follow(1, T0), follow(2, T0), follow(3, T0), follow(4, T0, { kind: "refollow" })];
    const index = indexUnfollows([
      { followerId: "f1", at: T0 + 24 * H }, // exactly 24 h: quick
      { followerId: "f2", at: T0 + 24 * H + 1000 }, // a second later: not
      { followerId: "f3", at: T0 - H }, // before the follow: ignored
      { followerId: "f4", at: T0 + H }, // a re-follow is not a new follower
    ]);
    expect(findQuickUnfollows(follows, index).map((q) => q.followerId)).toEqual(["f1"]);
  });

  it("takes the first unfollow after the follow, not a later one", () => {
    const index = indexUnfollows([{ followerId: "f1", at: T0 + 30 * H }, { followerId: "f1", at: T0 + 2 * H }]);
    expect(findQuickUnfollows([follow(1, T0)], index)).toEqual([{ followerId: "f1", qrCodeId: "c1", followedAt: T0, unfollowedAt: T0 + 2 * H }]);
  });
});

describe("findBursts", () => {
  it("flags a minute with more than K follows through one code, not K", () => {
    const minute = Date.parse("2026-11-10T04:05:00Z");
    const k = 3;
    const exactly = Array.from({ length: 3 }, (_, i) => follow(i, minute + i * 1000));
    expect(findBursts(exactly, k)).toEqual([]);
    const over = [...exactly, follow(9, minute + 59_999)];
    expect(findBursts(over, k)).toEqual([{ at: minute, qrCodeId: "c1", count: 4 }]);
  });

  it("keeps codes and minutes apart, worst first", () => {
    const m = Date.parse("2026-11-10T04:05:00Z");
    const rows = [
      ...Array.from({ length: 4 }, (_, i) => follow(i, m + i)),
      ...Array.from({ length: 4 }, (_, i) => follow(10 + i, m + i, { qrCodeId: "c2" })),
      follow(20, m + 60_000), // next minute
      ...Array.from({ length: 5 }, (_, i) => follow(30 + i, m + 120_000 + i, { qrCodeId: "c2" })),
    ];
    expect(findBursts(rows, 3)).toEqual([
      { at: m + 120_000, qrCodeId: "c2", count: 5 },
      { at: m, qrCodeId: "c1", count: 4 },
      { at: m, qrCodeId: "c2", count: 4 },
    ]);
  });
});

describe("night hours", () => {
  it("reads [start, end) and wraps midnight", () => {
    expect([0, 5, 6, 23].map((h) => isNightHour(h, 0, 6))).toEqual([true, true, false, false]);
    expect([21, 22, 23, 0, 5, 6].map((h) => isNightHour(h, 22, 6))).toEqual([false, true, true, true, true, false]);
    expect(isNightHour(3, 4, 4)).toBe(false);
  });

  it("reads the hour on the account's clock", () => {
    const at = Date.parse("2026-11-09T17:30:00Z");
    expect(localHourReader("Asia/Shanghai")(at)).toBe(1); // 01:30 next day in Beijing
    expect(localHourReader("UTC")(at)).toBe(17);
    expect(localHourReader("Asia/Kolkata")(Date.parse("2026-11-09T18:29:00Z"))).toBe(23); // +05:30: 23:59
    expect(localHourReader("Asia/Kolkata")(Date.parse("2026-11-09T18:30:00Z"))).toBe(0);
    expect(localHourReader("America/New_York")(Date.parse("2026-11-01T05:30:00Z"))).toBe(1); // after the DST change: 01:30 EST
  });

  it("flags follows concentrated at night only above the share and with the sample", () => {
    const night = Date.parse("2026-11-09T18:00:00Z"); // 02:00 Beijing
    const day = Date.parse("2026-11-10T04:00:00Z"); // 12:00 Beijing
    const hourOf = localHourReader("Asia/Shanghai");
    const half = [...Array.from({ length: 5 }, (_, i) => follow(i, night + i * H / 10)), ...Array.from({ length: 5 }, (_, i) => follow(10 + i, day + i))];
    const s = { ...DEFAULT_THRESHOLDS, nightPct: 50, minSample: 10 };
    expect(detectPromoter(half, new Map(), s, hourOf).nightFlag).toBe(false); // exactly 50 %
    const more = [...half.slice(0, 5), follow(99, night), ...half.slice(5, 9)];
    expect(detectPromoter(more, new Map(), s, hourOf)).toMatchObject({ nightFlag: true, follows: 10 });
    expect(detectPromoter(more, new Map(), s, localHourReader("UTC")).nightFlag).toBe(false); // 18:00 UTC is evening
  });
});

describe("detectSignals", () => {
  it("groups by promoter and flags quick unfollows at the minimum sample", () => {
    const follows = [...Array.from({ length: 10 }, (_, i) => follow(i, T0 + i * H)), follow(50, T0, { promoterId: "p2" }), follow(51, T0, { promoterId: "p2" })];
    const unfollows = [0, 1, 2, 3, 50].map((i) => ({ followerId: `f${i}`, at: T0 + i * H + H }));
    const result = detectSignals(follows, unfollows, DEFAULT_THRESHOLDS, "Asia/Shanghai");
    expect(result.get("p1")).toMatchObject({ newFollowers: 10, quickFlag: true, burstFlag: false, nightFlag: false, flagged: true });
    expect(result.get("p1")!.quickUnfollows).toHaveLength(4);
    expect(result.get("p2")).toMatchObject({ newFollowers: 2, quickFlag: false, flagged: false }); // 1 of 2: no flag
  });
});

describe("signalSettingsSchema", () => {
  it("accepts whole numbers in range and names the wrong field", () => {
    expect(signalSettingsSchema.parse({ quickUnfollowPct: "40", minSample: "5", burstPerMinute: "20", nightStartHour: "22", nightEndHour: "6", nightPct: "60" })).toEqual({ quickUnfollowPct: 40, minSample: 5, burstPerMinute: 20, nightStartHour: 22, nightEndHour: 6, nightPct: 60 });
    const bad = signalSettingsSchema.safeParse({ ...DEFAULT_THRESHOLDS, quickUnfollowPct: "101", nightStartHour: 3, nightEndHour: 3, burstPerMinute: "2.5" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).toEqual(expect.arrayContaining([["quickUnfollowPct", "pctRange"], ["burstPerMinute", "notWhole"]]));
    const equal = signalSettingsSchema.safeParse({ ...DEFAULT_THRESHOLDS, nightStartHour: 3, nightEndHour: 3 });
    expect(equal.error!.issues).toEqual([expect.objectContaining({ path: ["nightEndHour"], message: "hoursEqual" })]);
  });
});
