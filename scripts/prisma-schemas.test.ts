import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SNAPSHOT_SCHEMA, SQLITE_SCHEMA } from "./prisma-schemas";

describe("the PostgreSQL schema", () => {
  it("is the committed derivation of the one model source", () => {
    const derived = postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derived);
  });

  it("keeps the models portable (no enums, Json or native types)", () => {
    const source = fs.readFileSync(SQLITE_SCHEMA, "utf8").replace(/\/\/.*$/gm, "");
    expect(source).not.toMatch(/^\s*enum\s/m);
    expect(source).not.toMatch(/^\s+\w+\s+Json\b/m);
    expect(source).not.toMatch(/@db\./);
  });

  it("has a migration for every schema change (npm run db:new-migration)", () => {
    expect(fs.readFileSync(SNAPSHOT_SCHEMA, "utf8")).toBe(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  });

  it("has the same migrations for both providers", () => {
    const names = (dir: string) => fs.readdirSync(dir).filter((n) => !n.endsWith(".toml")).sort();
    expect(names("prisma/postgresql/migrations")).toEqual(names("prisma/migrations"));
  });
});
