import { describe, expect, it } from "vitest";
import { parseCrosscheckRange } from "./crosscheck-range";

const now = new Date("2026-12-05T03:00:00+08:00"); // 12-03 is the latest published day

describe("the cross-check page's range", () => {
  it("defaults to the last 7 days WeChat has published", () => {
    expect(parseCrosscheckRange(undefined, undefined, now)).toEqual({ from: "2026-11-27", to: "2026-12-03", valid: true });
  });

  it("takes a valid range and refuses reversed, malformed or too long ones", () => {
    expect(parseCrosscheckRange("2026-11-01", "2026-11-30", now)).toEqual({ from: "2026-11-01", to: "2026-11-30", valid: true });
    for (const [from, to] of [["2026-11-30", "2026-11-01"], ["2026-11-31", "2026-12-01"], ["2026-01-01", "2026-12-01"], ["2026-11-01", undefined], ["", "2026-12-01"], ["abc", "def"]]) {
      expect(parseCrosscheckRange(from, to, now)).toEqual({ from: "2026-11-27", to: "2026-12-03", valid: false });
    }
  });
});
