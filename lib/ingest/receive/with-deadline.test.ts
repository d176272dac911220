import { describe, expect, it } from "vitest";
import { DeadlineError, withDeadline } from "./with-deadline";

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
