import { afterEach, describe, expect, it } from "vitest";
import { addDays, dayOf, dayStart, daysBetween, lastDays } from "./day";

const HOUR = 3_600_000;

// Days on which the clocks change in 2026, with the instant each day begins (from the tz database's rules).
const DST_DAYS: [string, string, string][] = [
  ["Australia/Sydney", "2026-04-05", "2026-04-04T13:00:00.000Z"], // 03:00 AEDT → 02:00 AEST; the day began at +11
  ["Australia/Sydney", "2026-10-04", "2026-10-03T14:00:00.000Z"], // 02:00 AEST → 03:00 AEDT; the day began at +10
  ["America/Santiago", "2026-04-05", "2026-04-05T04:00:00.000Z"], // 24:00 → 23:00: the day begins after the repeated hour
  ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"], // 00:00 → 01:00: midnight is skipped, the day begins at 01:00
  ["Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00.000Z"],
  ["Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00.000Z"],
  ["America/New_York", "2026-03-08", "2026-03-08T05:00:00.000Z"],
  ["America/New_York", "2026-11-01", "2026-11-01T04:00:00.000Z"],
  ["Australia/Lord_Howe", "2026-10-04", "2026-10-03T13:30:00.000Z"], // half-hour DST
];

describe("days on DST-change days", () => {
  it.each(DST_DAYS)("%s %s begins at %s", (timeZone, day, start) => {
    expect(dayStart(day, timeZone).toISOString()).toBe(start);
  });

  it.each(DST_DAYS)("%s: the day key turns over exactly when %s begins", (timeZone, day) => {
    const start = dayStart(day, timeZone).getTime();
    expect(dayOf(new Date(start - 1), timeZone)).toBe(addDays(day, -1));
    expect(dayOf(new Date(start), timeZone)).toBe(day);
    const next = dayStart(addDays(day, 1), timeZone).getTime();
    expect(dayOf(new Date(next - 1), timeZone)).toBe(day);
    expect(dayOf(new Date(next), timeZone)).toBe(addDays(day, 1));
  });

  it("gives DST-change days their real length", () => {
    const length = (day: string, tz: string) => (dayStart(addDays(day, 1), tz).getTime() - dayStart(day, tz).getTime()) / HOUR;
    expect(length("2026-04-05", "Australia/Sydney")).toBe(25);
    expect(length("2026-10-04", "Australia/Sydney")).toBe(23);
    expect(length("2026-04-05", "America/Santiago")).toBe(24); // the repeated hour belongs to Saturday
    expect(length("2026-04-04", "America/Santiago")).toBe(25);
    expect(length("2026-09-06", "America/Santiago")).toBe(23);
    expect(length("2026-03-29", "Europe/Berlin")).toBe(23);
    expect(length("2026-11-01", "America/New_York")).toBe(25);
  });

  it("buckets every hour of a range that crosses a DST change into the range's days", () => {
    for (const [timeZone, from, to] of [["Australia/Sydney", "2026-10-01", "2026-10-07"], ["America/Santiago", "2026-04-02", "2026-04-08"], ["Europe/Berlin", "2026-10-20", "2026-10-30"]]) {
      const days = daysBetween(from, to);
      const begin = dayStart(from, timeZone).getTime();
      const end = dayStart(addDays(to, 1), timeZone).getTime();
      const seen = new Set<string>();
      for (let t = begin; t < end; t += HOUR / 4) seen.add(dayOf(new Date(t), timeZone));
      expect([...seen]).toEqual(days);
      expect(dayOf(new Date(begin - 1), timeZone)).toBe(addDays(from, -1));
      expect(dayOf(new Date(end), timeZone)).toBe(addDays(to, 1));
    }
  });

  it("names today by the local clock just after a change", () => {
    // 2026-10-04 00:30 AEST is 2026-10-03T14:30Z; UTC's date is still the 3rd.
    expect(lastDays(7, "Australia/Sydney", new Date("2026-10-03T14:30:00Z"))).toEqual({ from: "2026-09-28", to: "2026-10-04" });
  });
});

describe("the day key's format", () => {
  const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, "format")!;
  afterEach(() => Object.defineProperty(Intl.DateTimeFormat.prototype, "format", original));

  it("does not depend on how the ICU version formats dates as strings", () => {
    // ICU 72 changed en-CA's short date to M/d/yyyy; format() must not decide the stored rollup key.
    Object.defineProperty(Intl.DateTimeFormat.prototype, "format", { configurable: true, get: () => () => "12/3/2026" });
    expect(dayOf(new Date("2026-12-03T04:00:00Z"), "America/Toronto")).toBe("2026-12-02");
    expect(dayOf(new Date("2026-12-03T06:00:00Z"), "America/Toronto")).toBe("2026-12-03");
  });

  it("pads years, months and days", () => {
    expect(dayOf(new Date("0999-01-05T12:00:00Z"), "UTC")).toBe("0999-01-05");
  });
});
