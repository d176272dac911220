import { describe, expect, it } from "vitest";
import { parseRange } from "./parse-range";

const now = new Date("2026-11-21T04:00:00Z");

describe("parseRange", () => {
  it("defaults to the last 30 days in the account's time zone", () => {
    expect(parseRange(undefined, undefined, "Asia/Shanghai", 30, now)).toEqual({ from: "2026-10-23", to: "2026-11-21", valid: true });
  });

  it("accepts a valid range", () => {
    expect(parseRange("2026-01-01", "2026-01-31", "Asia/Shanghai", 30, now)).toEqual({ from: "2026-01-01", to: "2026-01-31", valid: true });
  });

  it("falls back, flagged invalid, for reversed, malformed or over-long ranges", () => {
    for (const [from, to] of [["2026-02-01", "2026-01-01"], ["2026-13-01", "2026-12-01"], ["2024-01-01", "2026-01-01"], ["2026-01-01", undefined]]) {
      expect(parseRange(from, to, "Asia/Shanghai", 30, now)).toMatchObject({ from: "2026-10-23", valid: false });
    }
  });
});
