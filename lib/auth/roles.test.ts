import { describe, expect, it } from "vitest";
import { can } from "./roles";

describe("roles", () => {
  it("lets admins do everything and viewers only read", () => {
    expect(can("admin", "read")).toBe(true);
    expect(can("admin", "write")).toBe(true);
    expect(can("admin", "manage-users")).toBe(true);
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "write")).toBe(false);
    expect(can("viewer", "manage-users")).toBe(false);
  });

  it("gives an unknown role nothing", () => {
    expect(can("root", "read")).toBe(false);
    expect(can("", "read")).toBe(false);
  });
});
