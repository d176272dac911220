import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAfter } from "./tag-retry-schedule";

describe("nextAttemptAfter", () => {
  it("backs off from 10 seconds and gives up after the last delay", () => {
    const now = new Date("2026-12-04T00:00:00Z");
    expect(nextAttemptAfter(1, now)?.getTime()).toBe(now.getTime() + 10_000);
    expect(nextAttemptAfter(2, now)?.getTime()).toBe(now.getTime() + 30_000);
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => nextAttemptAfter(i + 1, now)!.getTime() - now.getTime());
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
    expect(nextAttemptAfter(MAX_ATTEMPTS, now)).toBeNull();
  });
});
