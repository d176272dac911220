import { describe, expect, it } from "vitest";
import { lastMatureDay, retentionDays, retentionRate } from "./get-retention";

const TZ = "Asia/Shanghai";

describe("7-day retention window (day granularity)", () => {
  it("counts a day once its end, in the account's time zone, is 7 days old", () => {
    // 2026-03-20 00:30 in Shanghai: 7 days earlier is 03-13 00:30, so 03-12 ended early enough, 03-13 not.
    expect(lastMatureDay(TZ, new Date("2026-03-19T16:30:00Z"))).toBe("2026-03-12");
    // Exactly at midnight: 03-12 ended exactly 7 days ago and counts.
    expect(lastMatureDay(TZ, new Date("2026-03-19T16:00:00Z"))).toBe("2026-03-12");
    expect(lastMatureDay(TZ, new Date("2026-03-20T15:59:59Z"))).toBe("2026-03-12");
    expect(lastMatureDay("UTC", new Date("2026-03-19T16:30:00Z"))).toBe("2026-03-11");
  });

  it("clips the range to its mature days, or none", () => {
    const now = new Date("2026-03-19T16:30:00Z");
    expect(retentionDays({ from: "2026-03-01", to: "2026-03-20" }, TZ, now)).toEqual({ from: "2026-03-01", to: "2026-03-12" });
    expect(retentionDays({ from: "2026-03-01", to: "2026-03-10" }, TZ, now)).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(retentionDays({ from: "2026-03-13", to: "2026-03-20" }, TZ, now)).toBeNull();
  });

  it("is unknown, not zero, without eligible followers", () => {
    expect(retentionRate(0, 0)).toBeNull();
    expect(retentionRate(4, 3)).toBe(0.75);
  });
});
