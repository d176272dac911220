import { describe, expect, it } from "vitest";
import { dueRange } from "./due-range";

describe("the days the daily run fetches", () => {
  it("fetches the last 7 days once the latest published day is missing, nothing when it is stored", () => {
    expect(dueRange("2026-12-03", "2026-12-03")).toBeNull();
    expect(dueRange("2026-12-02", "2026-12-03")).toEqual({ from: "2026-11-27", to: "2026-12-03" });
    expect(dueRange(null, "2026-12-03")).toEqual({ from: "2026-11-27", to: "2026-12-03" });
  });

  it("catches up days missed while no instance ran, at most 30 days back", () => {
    expect(dueRange("2026-11-20", "2026-12-03")).toEqual({ from: "2026-11-21", to: "2026-12-03" });
    expect(dueRange("2026-09-01", "2026-12-03")).toEqual({ from: "2026-11-04", to: "2026-12-03" });
  });
});
