// A throwaway database for one run: a SQLite file in a temp dir, or a fresh database on a
// PostgreSQL server (created, migrated with the app's own migrate step, dropped afterwards).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type BenchDatabase = { url: string; provider: "sqlite" | "postgresql"; dataDir: string; drop: () => Promise<void> };

export const redact = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function migrate(database: BenchDatabase) {
  execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("scripts", "db.ts"), "migrate"], {
    env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: database.dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** `serverUrl` (postgresql://…) selects PostgreSQL; without it, SQLite. */
export async function createBenchDatabase(serverUrl?: string): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-bench-"));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  let database: BenchDatabase;
  if (serverUrl) {
    const name = `scenecode_bench_${process.pid}`;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const drop = async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await removeDir();
    };
    database = { url: url.toString(), provider: "postgresql", dataDir, drop };
  } else {
    database = { url: `file:${path.join(dataDir, "bench.db")}`, provider: "sqlite", dataDir, drop: removeDir };
  }
  try {
    migrate(database);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
