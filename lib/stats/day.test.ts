import { describe, expect, it } from "vitest";
import { addDays, dayOf, daysBetween, dayStart, isDay, isTimeZone, lastDays, presetRange } from "./day";

describe("days in the account's time zone", () => {
  it("buckets an instant by Shanghai's calendar, not UTC's", () => {
    // 2026-11-20 16:30 UTC is 2026-11-21 00:30 in Shanghai.
    expect(dayOf(new Date("2026-11-20T16:30:00Z"))).toBe("2026-11-21");
    expect(dayOf(new Date("2026-11-20T15:59:59Z"))).toBe("2026-11-20");
    expect(dayOf(new Date("2026-11-20T16:30:00Z"), "UTC")).toBe("2026-11-20");
  });

  it("steps across month and leap-year ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(daysBetween("2026-01-02", "2026-01-01")).toEqual([]);
  });

  it("gives the last n days including today", () => {
    expect(lastDays(30, "Asia/Shanghai", new Date("2026-11-20T16:30:00Z"))).toEqual({ from: "2026-10-23", to: "2026-11-21" });
  });

  it("validates days and time zones", () => {
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-1-1")).toBe(false);
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("day boundaries and presets", () => {
  it("finds when a day starts in the time zone", () => {
    expect(dayStart("2026-11-21", "Asia/Shanghai").toISOString()).toBe("2026-11-20T16:00:00.000Z");
    expect(dayStart("2026-11-21", "UTC").toISOString()).toBe("2026-11-21T00:00:00.000Z");
    expect(dayStart("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
  });

  it("turns presets into day ranges", () => {
    const now = new Date("2026-11-20T16:30:00Z"); // 2026-11-21 00:30 in Shanghai
    expect(presetRange("today", "Asia/Shanghai", now)).toEqual({ from: "2026-11-21", to: "2026-11-21" });
    expect(presetRange("7d", "Asia/Shanghai", now)).toEqual({ from: "2026-11-15", to: "2026-11-21" });
    expect(presetRange("month", "Asia/Shanghai", now)).toEqual({ from: "2026-11-01", to: "2026-11-21" });
  });
});
