import { describe, expect, it } from "vitest";
import { latestReadyDay, readyPart, splitRange } from "./datacube-days";

// Instants given in Beijing time (UTC+8).
const beijing = (text: string) => new Date(`${text}+08:00`);

describe("the days WeChat's datacube answers for", () => {
  it("publishes yesterday from 08:00 Beijing time, the day before until then", () => {
    expect(latestReadyDay(beijing("2026-12-05T07:59:59"))).toBe("2026-12-03");
    expect(latestReadyDay(beijing("2026-12-05T08:00:00"))).toBe("2026-12-04");
    expect(latestReadyDay(beijing("2026-12-05T23:59:59"))).toBe("2026-12-04");
    // 20:00 UTC on the 4th is already 04:00 on the 5th in Beijing.
    expect(latestReadyDay(new Date("2026-12-04T20:00:00Z"))).toBe("2026-12-03");
    expect(latestReadyDay(new Date("2026-01-01T00:30:00Z"))).toBe("2025-12-31"); // 08:30 Beijing on New Year's Day
  });

  it("trims a range to the published days, and to nothing when none is published", () => {
    const now = beijing("2026-12-05T09:00:00");
    expect(readyPart({ from: "2026-11-28", to: "2026-12-05" }, now)).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(readyPart({ from: "2026-12-05", to: "2026-12-06" }, now)).toBeNull();
    expect(readyPart({ from: "2014-11-01", to: "2014-12-02" }, now)).toEqual({ from: "2014-12-01", to: "2014-12-02" });
  });

  it("splits a range into calls of at most 7 days, across month ends", () => {
    expect(splitRange({ from: "2026-11-25", to: "2026-12-10" })).toEqual([
      { from: "2026-11-25", to: "2026-12-01" },
      { from: "2026-12-02", to: "2026-12-08" },
      { from: "2026-12-09", to: "2026-12-10" },
    ]);
    expect(splitRange({ from: "2026-12-01", to: "2026-12-07" })).toEqual([{ from: "2026-12-01", to: "2026-12-07" }]);
    expect(splitRange({ from: "2026-12-01", to: "2026-12-01" })).toEqual([{ from: "2026-12-01", to: "2026-12-01" }]);
    expect(splitRange({ from: "2028-02-27", to: "2028-03-05" }, 7).map((p) => p.to)).toEqual(["2028-03-04", "2028-03-05"]); // leap day counted
  });
});
