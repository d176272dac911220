import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ColumnTypeEnum, type ArgType, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "./open-sqlite";
import { mayWrite, sqliteAdapter } from "./sqlite-adapter";

let dir: string;
let file: string;
let adapter: SqlDriverAdapter;
const scalar = (scalarType: ArgType["scalarType"]): ArgType => ({ scalarType, arity: "scalar" });
const query = (sql: string, args: unknown[] = [], types: ArgType["scalarType"][] = []) => ({ sql, args, argTypes: args.map((_, i) => scalar(types[i] ?? "unknown")) });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-adapter-"));
  file = path.join(dir, "test.db");
  adapter = await sqliteAdapter(`file:${file}`, 0).connect();
  await adapter.executeScript(`CREATE TABLE "P" ("id" TEXT PRIMARY KEY, "name" TEXT NOT NULL UNIQUE);
    CREATE TABLE "C" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "pId" TEXT NOT NULL REFERENCES "P" ("id") ON DELETE CASCADE,
      "at" DATETIME, "on" BOOLEAN, "big" BIGINT, "raw" BLOB, "ratio" REAL)`);
});
afterEach(async () => {
  await adapter.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("sqliteAdapter (Prisma on libsql)", () => {
  it("stores and returns values as Prisma's SQLite adapters do", async () => {
    await adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["p1", "Ann"]));
    const at = new Date("2026-12-03T10:00:00.123Z");
    const args = ["p1", at, true, "9007199254740993", [1, 2, 255], 0.5];
    expect(await adapter.executeRaw(query(`INSERT INTO "C" ("pId", "at", "on", "big", "raw", "ratio") VALUES (?, ?, ?, ?, ?, ?)`, args, ["string", "datetime", "boolean", "bigint", "bytes", "float"]))).toBe(1);
    const reader = openSqlite(file);
    expect(reader.prepare(`SELECT "at", "on", typeof("big") AS big, typeof("raw") AS raw FROM "C"`).get()).toEqual({ at: "2026-12-03T10:00:00.123+00:00", on: 1, big: "integer", raw: "blob" });
    reader.close();
    const result = await adapter.queryRaw(query(`SELECT "id", "at", "on", "big", "raw", "ratio", count(*) AS n FROM "C"`));
    expect(result.columnNames).toEqual(["id", "at", "on", "big", "raw", "ratio", "n"]);
    expect(result.columnTypes).toEqual([ColumnTypeEnum.Int32, ColumnTypeEnum.DateTime, ColumnTypeEnum.Boolean, ColumnTypeEnum.Int64, ColumnTypeEnum.Bytes, ColumnTypeEnum.Double, ColumnTypeEnum.Int64]);
    expect(result.rows).toEqual([["1", "2026-12-03T10:00:00.123+00:00", "1", "9007199254740993", [1, 2, 255], 0.5, "1"]]);
  });

  it("answers RETURNING and keeps foreign keys on (cascades)", async () => {
    const inserted = await adapter.queryRaw(query(`INSERT INTO "P" VALUES (?, ?) RETURNING "id"`, ["p2", "Bo"]));
    expect(inserted.rows).toEqual([["p2"]]);
    await adapter.executeRaw(query(`INSERT INTO "C" ("pId") VALUES (?)`, ["p2"]));
    await adapter.executeRaw(query(`DELETE FROM "P" WHERE "id" = ?`, ["p2"]));
    expect((await adapter.queryRaw(query(`SELECT count(*) FROM "C"`))).rows).toEqual([["0"]]);
    await expect(adapter.executeRaw(query(`INSERT INTO "C" ("pId") VALUES (?)`, ["nobody"]))).rejects.toMatchObject({ cause: { kind: "ForeignKeyConstraintViolation" } });
  });

  it("maps a unique violation and a busy database to the engine's error kinds", async () => {
    await adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["p3", "Cy"]));
    await expect(adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["p4", "Cy"]))).rejects.toMatchObject({ cause: { kind: "UniqueConstraintViolation", constraint: { fields: ["name"] } } });
    const holder = openSqlite(file);
    holder.exec("BEGIN IMMEDIATE");
    await expect(adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["p5", "Di"]))).rejects.toMatchObject({ cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" } });
    holder.exec("ROLLBACK");
    holder.close();
  });

  it("waits for another connection's write lock without blocking, and a write that gave up leaves nothing open", async () => {
    await adapter.executeScript("PRAGMA journal_mode = WAL"); // as migrate leaves every database
    const holder = openSqlite(file);
    holder.exec("BEGIN IMMEDIATE");
    setTimeout(() => holder.exec("COMMIT"), 100);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    expect(await adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["w1", "Lou"]))).toBe(1); // after the holder's commit
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(5); // the event loop ran meanwhile
    holder.exec("BEGIN IMMEDIATE");
    await expect(adapter.executeRaw(query(`UPDATE "P" SET "name" = ? WHERE "id" = ?`, ["Lou2", "w1"]))).rejects.toMatchObject({ cause: { kind: "SocketTimeout" } });
    holder.exec("ROLLBACK");
    // Before: the failed statement kept an implicit transaction open, so this insert stayed
    // uncommitted (invisible to others) and held the write lock.
    expect(await adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["w2", "Max"]))).toBe(1);
    expect(holder.prepare(`SELECT "id" FROM "P" WHERE "id" LIKE 'w%' ORDER BY "id"`).values()).toEqual([["w1"], ["w2"]]);
    holder.exec("BEGIN IMMEDIATE");
    holder.exec("ROLLBACK");
    holder.close();
  });

  it("tells writes from reads: a WITH … SELECT reads without the write lock, a WITH … INSERT writes in a transaction of its own", async () => {
    expect([`SELECT 1`, ` with a AS (SELECT 1) SELECT * FROM a`, `PRAGMA foreign_keys`, `BEGIN`, `VALUES (1)`].map(mayWrite)).toEqual([false, false, false, false, false]);
    expect([`INSERT INTO "P" VALUES (1)`, `UPDATE "P" SET "name" = ''`, `DELETE FROM "P"`, `WITH a AS (SELECT 1) INSERT INTO "P" SELECT 1`, `CREATE TABLE x (y)`].map(mayWrite)).toEqual([true, true, true, true, true]);
    await adapter.executeScript("PRAGMA journal_mode = WAL");
    const holder = openSqlite(file);
    holder.exec("BEGIN IMMEDIATE"); // the pipeline is writing
    const started = Date.now();
    expect((await adapter.queryRaw(query(`WITH n AS (SELECT count(*) AS c FROM "P") SELECT c FROM n`))).rows).toEqual([["0"]]);
    expect(Date.now() - started).toBeLessThan(500); // did not wait for the lock
    const insert = adapter.executeRaw(query(`WITH v AS (SELECT 'w3' AS id, 'Ned' AS name) INSERT INTO "P" SELECT id, name FROM v`));
    setTimeout(() => holder.exec("COMMIT"), 50);
    expect(await insert).toBe(1);
    holder.close();
  });

  it("runs one transaction at a time on the connection, and its pragmas outlive transactions", async () => {
    const order: string[] = [];
    const first = await adapter.startTransaction();
    const second = adapter.startTransaction().then((tx) => (order.push("second began"), tx));
    await new Promise((r) => setTimeout(r, 20));
    order.push("first commits");
    await first.executeRaw(query("COMMIT"));
    await first.commit();
    const tx = await second;
    await tx.executeRaw(query("ROLLBACK"));
    await tx.rollback();
    expect(order).toEqual(["first commits", "second began"]);
    const pragma = async (name: string) => (await adapter.queryRaw(query(`PRAGMA ${name}`))).rows[0][0];
    expect([await pragma("synchronous"), await pragma("foreign_keys")]).toEqual(["2", "1"]);
  });

  it("keeps a query outside a transaction out of it: it waits, and a rollback cannot take it away", async () => {
    const tx = await adapter.startTransaction();
    await tx.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["in-tx", "Eve"]));
    const outside = adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["outside", "Fay"]));
    const seen = adapter.queryRaw(query(`SELECT "id" FROM "P" ORDER BY "id"`));
    await new Promise((r) => setTimeout(r, 20));
    await tx.executeRaw(query("ROLLBACK"));
    await tx.rollback();
    expect(await outside).toBe(1);
    // The read ran after the rollback: it never saw the transaction's uncommitted row.
    expect((await seen).rows).toEqual([["outside"]]);
  });

  it("begins transactions IMMEDIATE: a busy database fails BEGIN, and a read-then-write transaction cannot lose its snapshot", async () => {
    await adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["p6", "Gus"]));
    const holder = openSqlite(file);
    holder.exec("BEGIN IMMEDIATE");
    await expect(adapter.startTransaction()).rejects.toMatchObject({ cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" } });
    holder.exec("ROLLBACK");
    const tx = await adapter.startTransaction();
    await tx.queryRaw(query(`SELECT * FROM "P"`));
    holder.exec(`PRAGMA busy_timeout = 0`);
    expect(() => holder.exec(`INSERT INTO "P" VALUES ('p7', 'Hal')`)).toThrow(/locked|busy/i); // the lock is ours
    expect(await tx.executeRaw(query(`UPDATE "P" SET "name" = ? WHERE "id" = ?`, ["Gus2", "p6"]))).toBe(1);
    await tx.executeRaw(query("COMMIT"));
    await tx.commit();
    holder.close();
  });

  it("replaces a connection a statement that met a busy database left on an old snapshot", async () => {
    // libsql never resets a statement that failed with SQLITE_BUSY inside a transaction, and it held
    // the transaction's snapshot after the ROLLBACK. Prisma's transactions begin IMMEDIATE, so only a
    // transaction begun by hand (BEGIN through a raw query) can still get there.
    await adapter.executeScript("PRAGMA journal_mode = WAL"); // as migrate leaves every database
    await adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["p8", "Ida"]));
    await adapter.executeScript("BEGIN");
    await adapter.queryRaw(query(`SELECT * FROM "P"`));
    const holder = openSqlite(file);
    holder.exec("BEGIN IMMEDIATE");
    await expect(adapter.executeRaw(query(`INSERT INTO "P" VALUES (?, ?)`, ["p9", "Jo"]))).rejects.toMatchObject({ cause: { kind: "SocketTimeout" } });
    await adapter.executeScript("ROLLBACK");
    holder.exec(`INSERT INTO "P" VALUES ('p10', 'Kim')`);
    holder.exec("COMMIT");
    holder.close();
    expect((await adapter.queryRaw(query(`SELECT "id" FROM "P" WHERE "id" LIKE 'p%' ORDER BY "id"`))).rows).toEqual([["p10"], ["p8"]]);
    const pragma = async (name: string) => (await adapter.queryRaw(query(`PRAGMA ${name}`))).rows[0][0];
    expect([await pragma("synchronous"), await pragma("foreign_keys")]).toEqual(["2", "1"]); // the new connection's pragmas
  });

  it("refuses an isolation level SQLite does not have", async () => {
    await expect(adapter.startTransaction("READ COMMITTED")).rejects.toMatchObject({ cause: { kind: "InvalidIsolationLevel" } });
  });
});
