import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createFirstAdmin, createUser, EmailTakenError, isSetupDone, SetupAlreadyDoneError } from "./create-user";

const admin = { name: "运营", email: "ops@example.com", password: "correct-horse", confirmPassword: "correct-horse" };

describe("first-run setup", () => {
  beforeEach(resetDatabase);

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

  it("refuses a second setup and changes nothing", async () => {
    await createFirstAdmin(admin);
    await expect(createFirstAdmin({ ...admin, email: "intruder@example.com" })).rejects.toBeInstanceOf(SetupAlreadyDoneError);
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
