// A throwaway database per run: a SQLite file in the run's temp dir, or, when DATABASE_URL is a
// postgresql:// URL, a fresh database on that server (created, migrated, dropped).
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

export type Provider = "sqlite" | "postgresql";
export type TestDatabase = { url: string; provider: Provider; sqliteFile?: string; adminUrl?: string; drop: () => Promise<void> };

const isPostgres = (url: string | undefined) => /^postgres(ql)?:\/\//.test(url ?? "");

export const redact = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");

export async function createDatabase(workDir: string, repoRoot: string): Promise<TestDatabase> {
  const configured = process.env.DATABASE_URL;
  let db: TestDatabase;
  if (isPostgres(configured)) {
    const name = `scenecode_rel_${process.pid}`;
    const admin = new pg.Client({ connectionString: configured });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(configured!);
    url.pathname = `/${name}`;
    db = {
      url: url.toString(),
      provider: "postgresql",
      adminUrl: configured,
      drop: async () => {
        const client = new pg.Client({ connectionString: configured });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  } else {
    const file = path.join(workDir, "reliability.db");
    db = { url: `file:${file}`, provider: "sqlite", sqliteFile: file, drop: async () => {} };
  }
  execFileSync(process.execPath, [path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"), path.join(repoRoot, "scripts", "db.ts"), "migrate"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: workDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return db;
}
