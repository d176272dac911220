import { describe, expect, it } from "vitest";
import { fieldErrors, loginSchema, setupSchema } from "./schemas";

describe("setup form", () => {
  const valid = { name: "管理员", email: " Admin@Example.COM ", password: "correct-horse", confirmPassword: "correct-horse", setupCode: "ABCD-EFGH-JKMN" };

  it("normalises the email", () => {
    expect(setupSchema.parse(valid).email).toBe("admin@example.com");
  });

  it("reports each bad field by its dictionary key", () => {
    const result = setupSchema.safeParse({ name: "x".repeat(81), email: "nope", password: "short", confirmPassword: "other" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toMatchObject({ name: "nameLong", email: "emailInvalid", password: "passwordShort" });
  });

  it("catches a confirmation that does not match", () => {
    const result = setupSchema.safeParse({ ...valid, confirmPassword: "correct-horsf" });
    expect(fieldErrors(result.error!)).toEqual({ confirmPassword: "passwordMismatch" });
  });

  it("requires the setup code, by its dictionary key", () => {
    const { setupCode: _omitted, ...withoutCode } = valid;
    expect(fieldErrors(setupSchema.safeParse(withoutCode).error!).setupCode).toBe("setupCodeRequired");
    expect(fieldErrors(setupSchema.safeParse({ ...valid, setupCode: "  " }).error!).setupCode).toBe("setupCodeRequired");
  });

  it("requires an email", () => {
    const result = setupSchema.safeParse({ ...valid, email: "" });
    expect(fieldErrors(result.error!).email).toBe("required");
  });
});

describe("login form", () => {
  it("requires both fields", () => {
    const result = loginSchema.safeParse({ email: "", password: "" });
    expect(fieldErrors(result.error!)).toEqual({ email: "required", password: "required" });
  });
});
