import { describe, expect, it } from "vitest";
import { expiresOption } from "./apikey-create";

describe("apikey:create --expires", () => {
  const now = new Date("2026-12-03T10:00:00Z");

  it("reads a number of days from now, and passes dates through for the schema to check", () => {
    expect(expiresOption("90d", now)).toBe("2027-03-03T10:00:00.000Z");
    expect(expiresOption(" 2027-06-30 ", now)).toBe("2027-06-30");
    expect(expiresOption(undefined, now)).toBe("");
    expect(expiresOption("soon", now)).toBe("soon"); // refused by parseApiKeyInput with a clear message
  });
});
