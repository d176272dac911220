import { describe, expect, it } from "vitest";
import { fenToYuan, formatFen, parseYuan } from "./money";
import { resolvePrice } from "./resolve-price";
import { isPeriodClosed, lastClosedDay, periodProblem, suggestPeriod } from "./settlement-period";

describe("price precedence", () => {
  const prices = new Map([["account", 100], ["team:t1", 250], ["campaign:c1", 500]]);
  it("takes the campaign's price over the team's over the account's", () => {
    expect(resolvePrice(prices, { campaignId: "c1", teamId: "t1" })).toEqual({ fen: 500, from: "campaign" });
    expect(resolvePrice(prices, { campaignId: "c2", teamId: "t1" })).toEqual({ fen: 250, from: "team" });
    expect(resolvePrice(prices, { campaignId: null, teamId: "t2" })).toEqual({ fen: 100, from: "account" });
    expect(resolvePrice(new Map([["team:t1", 0]]), { teamId: "t1" })).toEqual({ fen: 0, from: "team" }); // a price of zero is a price
    expect(resolvePrice(new Map(), { campaignId: "c1" })).toEqual({ fen: 0, from: "none" });
  });
});

describe("money", () => {
  it("reads yuan with at most two decimals and writes fen back", () => {
    expect(["1", "2.5", "¥5.00", "￥ 1,234.56", "0.07"].map(parseYuan)).toEqual([100, 250, 500, 123456, 7]);
    expect(["", "-1", "1.234", "abc", "1e3"].map(parseYuan)).toEqual([null, null, null, null, null]);
    expect([fenToYuan(1250), fenToYuan(-300), fenToYuan(5), fenToYuan(0n)]).toEqual(["12.50", "-3.00", "0.05", "0.00"]);
    expect(formatFen(123456789)).toBe("¥1,234,567.89");
    expect(formatFen(-250, "en")).toBe("-¥2.50");
  });
});

describe("closed periods", () => {
  const zone = "Asia/Shanghai";
  it("closes once the last day and N more days have passed in the account's time zone", () => {
    // The 7th ends at 2026-11-07T16:00Z; with N = 3 the period closes at 2026-11-10T16:00Z.
    expect(isPeriodClosed("2026-11-07", 3, zone, new Date("2026-11-10T15:59:59Z"))).toBe(false);
    expect(isPeriodClosed("2026-11-07", 3, zone, new Date("2026-11-10T16:00:00Z"))).toBe(true);
    expect(isPeriodClosed("2026-11-07", 3, "UTC", new Date("2026-11-10T16:00:00Z"))).toBe(false); // the 7th ends 8 hours later in UTC
    expect(isPeriodClosed("2026-11-07", 0, zone, new Date("2026-11-07T16:00:00Z"))).toBe(true);
    expect(lastClosedDay(3, zone, new Date("2026-11-10T16:00:00Z"))).toBe("2026-11-07");
    expect(lastClosedDay(3, zone, new Date("2026-11-10T15:59:59Z"))).toBe("2026-11-06");
  });

  it("names what is wrong with a period", () => {
    const now = new Date("2026-11-20T04:00:00Z");
    expect(periodProblem("2026-11-01", "2026-11-07", 3, zone, now)).toBeNull();
    expect(periodProblem("2026-11-01", "2026-11-17", 3, zone, now)).toBe("notClosed");
    expect(periodProblem("2026-11-08", "2026-11-01", 3, zone, now)).toBe("order");
    expect(periodProblem("2026-02-30", "2026-03-01", 3, zone, now)).toBe("invalidDay");
    expect(periodProblem("2024-01-01", "2026-01-01", 3, zone, now)).toBe("tooLong");
  });

  it("proposes the day after the last run up to the latest closed day", () => {
    const now = new Date("2026-11-20T04:00:00Z");
    expect(suggestPeriod("2026-11-07", 3, zone, now)).toEqual({ fromDay: "2026-11-08", toDay: "2026-11-16" });
    expect(suggestPeriod(null, 3, zone, now)).toEqual({ fromDay: "2026-10-01", toDay: "2026-11-16" });
  });
});
