import { describe, expect, it } from "vitest";
import { campaignSchema } from "./campaign-schema";
import { campaignStatus, MAX_TEMPORARY_SECONDS, overlaps, temporaryExpiry, windowInstants } from "./campaign-window";

const tz = "Asia/Shanghai";
const w = { startDay: "2026-11-01", endDay: "2026-11-11" };

describe("campaign window", () => {
  it("derives the status from today in the account's time zone", () => {
    // 2026-10-31T16:30Z is already 11-01 00:30 in Beijing
    expect(campaignStatus(w, tz, new Date("2026-10-31T15:59:00Z"))).toBe("scheduled");
    expect(campaignStatus(w, tz, new Date("2026-10-31T16:30:00Z"))).toBe("running");
    expect(campaignStatus(w, tz, new Date("2026-11-11T15:59:00Z"))).toBe("running");
    expect(campaignStatus(w, tz, new Date("2026-11-11T16:00:00Z"))).toBe("ended");
    expect(campaignStatus(w, "UTC", new Date("2026-10-31T16:30:00Z"))).toBe("scheduled");
  });

  it("spans from the first day's midnight to the midnight after the last, Beijing time", () => {
    expect(windowInstants(w, tz)).toEqual({ startsAt: new Date("2026-10-31T16:00:00Z"), endsAt: new Date("2026-11-11T16:00:00Z") });
  });

  it("overlaps when the windows share a day, including a single shared end day", () => {
    expect(overlaps(w, { startDay: "2026-11-11", endDay: "2026-11-20" })).toBe(true);
    expect(overlaps(w, { startDay: "2026-10-01", endDay: "2026-11-01" })).toBe(true);
    expect(overlaps(w, { startDay: "2026-11-12", endDay: "2026-11-20" })).toBe(false);
    expect(overlaps(w, { startDay: "2026-10-01", endDay: "2026-10-31" })).toBe(false);
  });

  it("gives temporary codes the rest of the window, within WeChat's 30 days", () => {
    const now = new Date("2026-11-05T00:00:00Z");
    expect(temporaryExpiry(w, tz, now)).toEqual({ ok: true, expireSeconds: (6 * 86400 + 16 * 3600) });
    const long = { startDay: "2026-11-01", endDay: "2026-12-31" };
    const far = temporaryExpiry(long, tz, now);
    expect(far).toMatchObject({ ok: false, reason: "tooFar" });
    expect(far.ok ? null : far.availableFrom).toEqual(new Date(windowInstants(long, tz).endsAt.getTime() - MAX_TEMPORARY_SECONDS * 1000));
    expect(temporaryExpiry(w, tz, new Date("2026-11-12T00:00:00Z"))).toEqual({ ok: false, reason: "ended" });
  });
});

describe("campaign form", () => {
  it("accepts a window with an optional target and refuses bad ones with a key per field", () => {
    expect(campaignSchema.parse({ name: " 双十一 ", startDay: "2026-11-01", endDay: "2026-11-11", target: "5000" })).toEqual({ name: "双十一", startDay: "2026-11-01", endDay: "2026-11-11", target: 5000 });
    expect(campaignSchema.parse({ name: "x", startDay: "2026-11-01", endDay: "2026-11-01", target: "" }).target).toBeNull();
    const issue = (input: object) => campaignSchema.safeParse({ name: "x", startDay: "2026-11-01", endDay: "2026-11-11", ...input }).error?.issues[0].message;
    expect(issue({ endDay: "2026-10-31" })).toBe("endBeforeStart");
    expect(issue({ endDay: "2027-11-11" })).toBe("windowLong");
    expect(issue({ startDay: "2026-02-30" })).toBe("startInvalid");
    expect(issue({ target: "1.5" })).toBe("targetInvalid");
    expect(issue({ target: "-3" })).toBe("targetInvalid");
    expect(issue({ name: "x".repeat(41) })).toBe("nameLong");
  });
});
