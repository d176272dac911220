import { describe, expect, it } from "vitest";
import { db, isUniqueViolation } from "./db";
import { env } from "./env";
import { resetDatabase } from "@/test/reset-database";

describe(`the database (${env().databaseProvider})`, () => {
  it("reports unique violations the idempotent inserts rely on", async () => {
    await resetDatabase();
    await db().setting.create({ data: { key: "k", value: "1" } });
    const error = await db().setting.create({ data: { key: "k", value: "2" } }).catch((e) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });

  it.runIf(env().databaseProvider === "sqlite")("runs SQLite in WAL mode with full sync and foreign keys", async () => {
    const [journal] = await db().$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [sync] = await db().$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    const [fk] = await db().$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
    expect(journal.journal_mode).toBe("wal");
    expect(Number(sync.synchronous)).toBe(2); // FULL
    expect(Number(fk.foreign_keys)).toBe(1);
  });

  it.runIf(env().databaseProvider === "postgresql")("has applied every committed migration", async () => {
    const rows = await db().$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });
});
