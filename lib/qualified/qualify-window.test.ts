import { describe, expect, it } from "vitest";
import { decidedDays, lastDecidedDay, qualifyDeadline } from "./qualify-window";

describe("when a day's qualified follows are final", () => {
  it("the follow is decided exactly N days after it", () => {
    expect(qualifyDeadline(new Date("2026-12-01T10:00:00Z"), 3).toISOString()).toBe("2026-12-04T10:00:00.000Z");
  });

  it("a day is decided once its end (account time zone) is N days ago", () => {
    // Dec 1 (Beijing) ends at 2026-12-01T16:00Z; three days later is 2026-12-04T16:00Z
    expect(lastDecidedDay("Asia/Shanghai", 3, new Date("2026-12-04T15:59:59Z"))).toBe("2026-11-30");
    expect(lastDecidedDay("Asia/Shanghai", 3, new Date("2026-12-04T16:00:00Z"))).toBe("2026-12-01");
    expect(lastDecidedDay("Asia/Shanghai", 1, new Date("2026-12-04T16:00:00Z"))).toBe("2026-12-03");
  });

  it("the decided days of a range are its first days, or none", () => {
    const now = new Date("2026-12-04T16:00:00Z");
    expect(decidedDays({ from: "2026-11-28", to: "2026-12-04" }, "Asia/Shanghai", 3, now)).toEqual({ from: "2026-11-28", to: "2026-12-01" });
    expect(decidedDays({ from: "2026-12-02", to: "2026-12-04" }, "Asia/Shanghai", 3, now)).toBeNull();
    expect(decidedDays({ from: "2026-11-01", to: "2026-11-05" }, "Asia/Shanghai", 3, now)).toEqual({ from: "2026-11-01", to: "2026-11-05" });
  });
});
