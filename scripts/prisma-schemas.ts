// Derives the PostgreSQL schema from the one model source (prisma/schema.prisma, SQLite).
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");
/** The schema as the committed migrations leave it; `db:new-migration` diffs from it and updates it. */
export const SNAPSHOT_SCHEMA = path.join("prisma", "snapshot", "schema.prisma");

export function postgresSchemaFrom(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgresql"');
  if (out === sqliteSchema || !out.includes('"postgresql"') || !out.includes("generated/postgresql")) {
    throw new Error(`${SQLITE_SCHEMA}: could not find the provider/output lines to rewrite`);
  }
  return (
    "// GENERATED from prisma/schema.prisma by scripts/db.ts — do not edit; edit that file instead.\n" + out
  );
}

/** Writes prisma/postgresql/schema.prisma; returns true when it changed. */
export function syncPostgresSchema(root = process.cwd()): boolean {
  const source = fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8");
  const target = path.join(root, POSTGRES_SCHEMA);
  const next = postgresSchemaFrom(source);
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (current === next) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, next);
  return true;
}
