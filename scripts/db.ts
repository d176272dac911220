// Database tasks for npm scripts: generate both clients, apply migrations, create a migration.
//   tsx scripts/db.ts generate          — derive the PostgreSQL schema and generate both clients
//   tsx scripts/db.ts migrate           — apply committed migrations to DATABASE_URL (SQLite: WAL on)
//   tsx scripts/db.ts new-migration X   — write migration X for both providers from the schema change
//                                         (PostgreSQL's diff needs a server: POSTGRES_SHADOW_URL)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqlite } from "../lib/db/open-sqlite";
import { ensureDataDir } from "../lib/data-dir";
import { ConfigError, loadDotEnv, parseEnv } from "../lib/env";
import { withMigrationLock } from "./migration-lock";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SNAPSHOT_SCHEMA, SQLITE_SCHEMA, syncPostgresSchema } from "./prisma-schemas";

const PRISMA = path.join("node_modules", "prisma", "build", "index.js");
// generate and diff read no database, but the schema's env("DATABASE_URL") must match its provider.
const PLACEHOLDER_URL = { sqlite: "file:./data/placeholder.db", postgresql: "postgresql://placeholder@127.0.0.1:5432/placeholder" };

function prisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}) {
  return execFileSync(process.execPath, [PRISMA, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: options.quiet ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
}

function generate() {
  if (syncPostgresSchema()) console.log(`Updated ${POSTGRES_SCHEMA}`);
  prisma(["generate", "--schema", SQLITE_SCHEMA], PLACEHOLDER_URL.sqlite, { quiet: true });
  prisma(["generate", "--schema", POSTGRES_SCHEMA], PLACEHOLDER_URL.postgresql, { quiet: true });
  console.log("Generated Prisma clients for SQLite and PostgreSQL");
}

async function migrate() {
  const config = parseEnv(process.env);
  ensureDataDir(config.dataDir);
  if (config.sqlitePath) {
    fs.mkdirSync(path.dirname(config.sqlitePath), { recursive: true, mode: 0o700 });
    const sqlite = openSqlite(config.sqlitePath, { busyTimeoutMs: 5000 });
    sqlite.pragma("journal_mode = WAL"); // persistent: readers never block the writer
    sqlite.close();
  }
  const upgraded = await withMigrationLock(config.DATABASE_URL, async () => {
    prisma(["migrate", "deploy"], config.DATABASE_URL, { quiet: true });
    // Secrets that a migration carried over in plaintext are sealed now, before anything serves them.
    // (Imported here: `generate`, run by postinstall, must work before the Prisma clients exist.)
    const [{ upgradeStoredSecrets }, { db }] = await Promise.all([import("../lib/accounts/upgrade-stored-secrets"), import("../lib/db")]);
    const sealed = await upgradeStoredSecrets();
    await db().$disconnect();
    return sealed;
  });
  if (upgraded.accounts || upgraded.links) console.log(`Sealed the secrets of ${upgraded.accounts} account(s); hashed ${upgraded.links} private link(s)`);
  console.log(`Migrations applied (${config.databaseProvider})`);
}

// Prisma's --from-migrations needs a shadow database, which the JS schema engine cannot replay into
// for SQLite; so migrations are diffed from a committed snapshot of the schema they produce.
function newMigration(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: use a-z, 0-9 and _");
  syncPostgresSchema();
  const snapshot = fs.readFileSync(SNAPSHOT_SCHEMA, "utf8");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-migration-"));
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const targets = [
    { from: snapshot, to: SQLITE_SCHEMA, url: PLACEHOLDER_URL.sqlite },
    { from: postgresSchemaFrom(snapshot), to: POSTGRES_SCHEMA, url: process.env.POSTGRES_SHADOW_URL ?? PLACEHOLDER_URL.postgresql },
  ];
  for (const [i, { from, to, url }] of targets.entries()) {
    const fromFile = path.join(tmp, `from-${i}.prisma`);
    fs.writeFileSync(fromFile, from);
    const sql = prisma(["migrate", "diff", "--from-schema-datamodel", fromFile, "--to-schema-datamodel", to, "--script"], url, { quiet: true });
    const target = path.join(path.dirname(to), "migrations", `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    console.log(`Wrote ${target}/migration.sql`);
  }
  fs.copyFileSync(SQLITE_SCHEMA, SNAPSHOT_SCHEMA);
  fs.rmSync(tmp, { recursive: true, force: true });
}

async function main(command: string | undefined, arg: string | undefined) {
  if (command === "generate") generate();
  else if (command === "migrate") await migrate();
  else if (command === "new-migration" && arg) newMigration(arg);
  else {
    console.error("usage: tsx scripts/db.ts generate | migrate | new-migration <name>");
    process.exit(2);
  }
}

loadDotEnv();
const [command, arg] = process.argv.slice(2);
main(command, arg).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `db ${command} failed: ${(error as Error).message}`);
  process.exit(1);
});
