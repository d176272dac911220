import { describe, expect, it } from "vitest";
import { nextAttemptAt, retryDelayMs, RETRY_WINDOW_MS } from "./retry-schedule";

describe("retry schedule", () => {
  it("doubles from 10 s up to 2 h, with ±20% jitter", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0.5))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30, () => 0.5)).toBe(7_200_000);
    expect(retryDelayMs(1, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, () => 0.999_999)).toBeCloseTo(12_000, -1);
  });

  it("keeps trying for a day, about twenty times, then gives up", () => {
    const start = new Date(0);
    const giveUpAt = new Date(RETRY_WINDOW_MS);
    let now = start;
    let attempts = 0;
    for (;;) {
      const next = nextAttemptAt(++attempts, now, giveUpAt, () => 0.5);
      if (!next) break;
      now = next;
    }
    expect(attempts).toBeGreaterThan(15);
    expect(attempts).toBeLessThan(25);
    expect(now.getTime()).toBeGreaterThan(RETRY_WINDOW_MS - 2 * 3_600_000);
  });
});
