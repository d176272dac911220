import { describe, expect, it } from "vitest";
import { db, isBusy, isUniqueViolation } from "./db";
import { env } from "./env";
import { openSqlite } from "./db/open-sqlite";
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

  // A transaction that met a busy database once left this process's connection on the snapshot of
  // that moment: every later query saw the database as it was then (accounts added since were
  // unknown to the callback, 401), and writes failed with SQLITE_BUSY_SNAPSHOT.
  it.runIf(env().databaseProvider === "sqlite")("sees other connections' commits after a transaction that found the database busy", async () => {
    await resetDatabase();
    await db().setting.create({ data: { key: "seen", value: "1" } });
    const other = openSqlite(env().sqlitePath!.replace(/^file:/, ""), { busyTimeoutMs: 2000 });
    try {
      other.exec("BEGIN IMMEDIATE"); // another process (the pipeline thread, the CLI) is writing
      const failed = await db()
        .$transaction(async (tx) => {
          await tx.setting.findMany();
          await tx.setting.update({ where: { key: "seen" }, data: { value: "2" } });
        })
        .catch((error) => error);
      expect(isBusy(failed)).toBe(true);
      other.exec(`UPDATE "Setting" SET "value" = '3' WHERE "key" = 'seen'`);
      other.exec("COMMIT");
      expect((await db().setting.findUnique({ where: { key: "seen" } }))?.value).toBe("3");
      // and it writes again, in and out of transactions
      await db().setting.update({ where: { key: "seen" }, data: { value: "4" } });
      await db().$transaction(async (tx) => tx.setting.update({ where: { key: "seen" }, data: { value: "5" } }));
      expect(other.prepare(`SELECT "value" FROM "Setting" WHERE "key" = 'seen'`).get()).toEqual({ value: "5" });
    } finally {
      other.close();
    }
  });

  it.runIf(env().databaseProvider === "postgresql")("has applied every committed migration", async () => {
    const rows = await db().$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });
});
