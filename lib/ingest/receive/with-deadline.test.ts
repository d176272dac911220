import { describe, expect, it } from "vitest";
import { DeadlineError, withDeadline, withinBudget } from "./with-deadline";

describe("withDeadline", () => {
  it("passes the result through when the work is on time", async () => {
    expect(await withDeadline(Promise.resolve("success"), 50)).toBe("success");
  });

  it("rejects with DeadlineError when the work is late, and swallows its late failure", async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 80));
    await expect(withDeadline(late, 20)).rejects.toBeInstanceOf(DeadlineError);
    await new Promise((r) => setTimeout(r, 100)); // no unhandled rejection
  });
});

describe("withinBudget", () => {
  it("passes the result through when the work is on time", async () => {
    expect(await withinBudget(Promise.resolve("<xml/>"), 50, null)).toBe("<xml/>");
  });

  it("gives the fallback when the work is late, fails, or the budget is already spent", async () => {
    const late = new Promise((resolve) => setTimeout(() => resolve("late"), 80));
    expect(await withinBudget(late, 20, "fallback")).toBe("fallback");
    expect(await withinBudget(Promise.reject(new Error("db down")), 50, "fallback")).toBe("fallback");
    const startedAt = performance.now();
    expect(await withinBudget(new Promise(() => {}), -5, "fallback")).toBe("fallback");
    expect(performance.now() - startedAt).toBeLessThan(50);
  });
});
