import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createFirstAdmin, createUser, EmailTakenError, isSetupDone, SetupAlreadyDoneError, SetupCodeError } from "./create-user";
import { hashPassword } from "./password";
import { ensureSetupCode, SETUP_CODE_KEY } from "./setup-code";

// Counts argon2 runs: the refusals must come before any.
vi.mock("./password", async (actual) => {
  const real = await actual<typeof import("./password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

const admin = { name: "运营", email: "ops@example.com", password: "correct-horse", confirmPassword: "correct-horse", setupCode: "" };

describe("first-run setup", () => {
  beforeEach(async () => {
    await resetDatabase();
    admin.setupCode = await ensureSetupCode();
    vi.mocked(hashPassword).mockClear();
  });

  it("needs the setup code, compared regardless of case and dashes, and refuses a wrong one before hashing", async () => {
    expect(admin.setupCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    for (const wrong of ["WRONG-CODE-0000", admin.setupCode.slice(0, -1), `${admin.setupCode}X`]) {
      await expect(createFirstAdmin({ ...admin, setupCode: wrong })).rejects.toBeInstanceOf(SetupCodeError);
    }
    await expect(createFirstAdmin({ ...admin, setupCode: "" })).rejects.toThrow(); // the form requires it
    expect(hashPassword).not.toHaveBeenCalled();
    expect(await db().user.count()).toBe(0);
    await createFirstAdmin({ ...admin, setupCode: ` ${admin.setupCode.toLowerCase().replaceAll("-", "")} ` });
    expect(await db().user.count()).toBe(1);
  });

  it("keeps one code across restarts until setup is done, then forgets it", async () => {
    expect(await ensureSetupCode()).toBe(admin.setupCode); // a second start prints the same code
    expect(await ensureSetupCode("PRESET-CODE-1")).toBe("PRESET-CODE-1"); // SETUP_CODE replaces it
    admin.setupCode = "PRESET-CODE-1";
    await createFirstAdmin(admin);
    expect(await db().setting.findUnique({ where: { key: SETUP_CODE_KEY } })).toBeNull();
  });

  it("refuses without a stored code (setup done through the CLI) and without hashing", async () => {
    await createUser({ email: "cli@example.com", password: "long-enough-1" }, { email: "cli" }); // admin:create, no code needed
    vi.mocked(hashPassword).mockClear();
    await expect(createFirstAdmin(admin)).rejects.toBeInstanceOf(SetupAlreadyDoneError);
    expect(hashPassword).not.toHaveBeenCalled();
    expect(await db().setting.findUnique({ where: { key: SETUP_CODE_KEY } })).toBeNull();
  });

  it("creates the first admin with an argon2id hash and an audit entry", async () => {
    expect(await isSetupDone()).toBe(false);
    const user = await createFirstAdmin(admin);
    expect(user.role).toBe("admin");
    expect(await isSetupDone()).toBe(true);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db().auditLog.count({ where: { action: "setup.complete", targetId: user.id } })).toBe(1);
  });

  it("keeps secrets out of default selects", async () => {
    await createFirstAdmin(admin);
    const [user] = await db().user.findMany();
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses a second setup before hashing and changes nothing", async () => {
    await createFirstAdmin(admin);
    vi.mocked(hashPassword).mockClear();
    await expect(createFirstAdmin({ ...admin, email: "intruder@example.com" })).rejects.toBeInstanceOf(SetupAlreadyDoneError);
    expect(hashPassword).not.toHaveBeenCalled();
    expect(await db().user.count()).toBe(1);
  });

  it("lets exactly one of several concurrent setups win", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createFirstAdmin({ ...admin, email: `admin${i}@example.com` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(SetupAlreadyDoneError);
    expect(await db().user.count()).toBe(1);
  });

  it("rejects an invalid form without writing", async () => {
    await expect(createFirstAdmin({ ...admin, password: "short", confirmPassword: "short" })).rejects.toThrow();
    expect(await db().user.count()).toBe(0);
    expect(await isSetupDone()).toBe(false);
  });
});

describe("createUser (CLI, users page)", () => {
  beforeEach(resetDatabase);

  it("creates users, closes setup, and refuses a duplicate email", async () => {
    await createUser({ email: "a@example.com", password: "long-enough-1" }, { email: "cli" });
    expect(await isSetupDone()).toBe(true);
    await expect(createUser({ email: "A@example.com", password: "long-enough-2" }, { email: "cli" })).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db().user.count()).toBe(1);
  });
});
