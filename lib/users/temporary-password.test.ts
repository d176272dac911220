import { describe, expect, it } from "vitest";
import { generateTemporaryPassword } from "./temporary-password";

describe("generateTemporaryPassword", () => {
  it("is long enough for the password rules and avoids look-alike characters", () => {
    const password = generateTemporaryPassword();
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(password).not.toMatch(/[01OIlo]/);
  });

  it("never repeats", () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateTemporaryPassword()));
    expect(seen.size).toBe(200);
  });
});
