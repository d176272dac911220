import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type SqliteConnection } from "./open-sqlite";

let dir: string;
let file: string;
const open: SqliteConnection[] = [];
const connect = (...args: Parameters<typeof openSqlite>) => {
  const connection = openSqlite(...args);
  open.push(connection);
  return connection;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-open-sqlite-"));
  file = path.join(dir, "test.db");
  const c = connect(file);
  c.pragma("journal_mode = WAL");
  c.exec(`CREATE TABLE "T" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "v" TEXT UNIQUE, "n" INTEGER, "b" BLOB)`);
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("openSqlite (libsql)", () => {
  it("binds booleans as 0/1 instead of aborting the process", () => {
    const c = connect(file);
    c.prepare(`INSERT INTO "T" ("v", "n") VALUES (?, ?)`).run(["yes", true]);
    c.prepare(`INSERT INTO "T" ("v", "n") VALUES (?, ?)`).run(["no", false]);
    expect(c.prepare(`SELECT "v", "n" FROM "T" ORDER BY "id"`).all()).toEqual([{ v: "yes", n: 1 }, { v: "no", n: 0 }]);
  });

  it("binds a lone null, a Buffer and a bigint as positional parameters", () => {
    const c = connect(file);
    expect(c.prepare("SELECT ? AS x").get([null])).toEqual({ x: null });
    c.prepare(`INSERT INTO "T" ("v", "n", "b") VALUES (?, ?, ?)`).run(["blob", 2n ** 40n, Buffer.from([0, 255])]);
    expect(c.prepare(`SELECT "n", "b" FROM "T"`).get()).toEqual({ n: 2 ** 40, b: Buffer.from([0, 255]) });
  });

  it("returns rows without the driver's _metadata member", () => {
    const row = connect(file).prepare("SELECT 1 AS one").get();
    expect(row).toEqual({ one: 1 });
    expect(Object.keys(row!)).toEqual(["one"]);
  });

  it("refuses a value it cannot bind with a clear error and writes nothing", () => {
    const c = connect(file);
    const insert = c.prepare(`INSERT INTO "T" ("v", "n") VALUES (?, ?)`);
    expect(() => insert.run(["date", new Date() as never])).toThrow(/parameter 2: cannot bind a value of type \[object Date\]/);
    expect(() => insert.run([{ a: 1 } as never, 1])).toThrow(/parameter 1/);
    expect(c.prepare(`SELECT count(*) AS n FROM "T"`).get()).toEqual({ n: 0 });
  });

  it("keeps AUTOINCREMENT ids growing, answers RETURNING and reports changes", () => {
    const c = connect(file);
    const insert = c.prepare(`INSERT INTO "T" ("v") VALUES (?) ON CONFLICT DO NOTHING RETURNING "id"`);
    expect(insert.reader).toBe(true);
    expect(insert.get(["a"])).toEqual({ id: 1 });
    c.prepare(`DELETE FROM "T"`).run();
    expect(insert.get(["b"])).toEqual({ id: 2 });
    expect(c.prepare(`INSERT INTO "T" ("v") VALUES (?) ON CONFLICT DO NOTHING`).run(["b"]).changes).toBe(0);
    expect(c.prepare(`SELECT "id", "v" FROM "T"`).values()).toEqual([[2, "b"]]);
  });

  it("WAL and synchronous=FULL read back as set", () => {
    const c = connect(file);
    c.pragma("synchronous = FULL");
    expect(c.pragma("journal_mode")).toBe("wal");
    expect(c.pragma("synchronous")).toBe(2);
  });

  it("BEGIN IMMEDIATE fails at once with SQLITE_BUSY while another connection writes, and waits busyTimeoutMs when asked", () => {
    const holder = connect(file);
    holder.exec("BEGIN IMMEDIATE");
    const other = connect(file);
    let started = Date.now();
    expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(expect.objectContaining({ code: "SQLITE_BUSY" }));
    expect(Date.now() - started).toBeLessThan(50);
    const patient = connect(file, { busyTimeoutMs: 150 });
    started = Date.now();
    expect(() => patient.exec("BEGIN IMMEDIATE")).toThrow(expect.objectContaining({ code: "SQLITE_BUSY" }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    holder.exec("ROLLBACK");
    other.exec("BEGIN IMMEDIATE");
    expect(other.inTransaction).toBe(true);
    other.exec("COMMIT");
    expect(other.inTransaction).toBe(false);
  });

  it("a read-only connection reads and refuses writes", () => {
    connect(file).prepare(`INSERT INTO "T" ("v") VALUES ('x')`).run();
    const reader = connect(file, { readonly: true });
    expect(reader.prepare(`SELECT "v" FROM "T"`).all()).toEqual([{ v: "x" }]);
    expect(() => reader.prepare(`DELETE FROM "T"`).run()).toThrow(/readonly|read-only/i);
  });
});
