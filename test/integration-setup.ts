// Integration tests run against a real database: a fresh SQLite file by default, or a fresh
// PostgreSQL database when DATABASE_URL points at a server (the database is recreated).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export default async function setup() {
  const configured = process.env.DATABASE_URL ?? "";
  let url: string;
  let teardown = async () => {};
  if (/^postgres(ql)?:\/\//.test(configured)) {
    const target = new URL(configured);
    const name = `scenecode_test_${process.pid}`;
    const admin = new pg.Client({ connectionString: configured });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    target.pathname = `/${name}`;
    url = target.toString();
    teardown = async () => {
      const client = new pg.Client({ connectionString: configured });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-int-"));
    url = `file:${path.join(dir, "test.db")}`;
    process.env.DATA_DIR = dir;
  }
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db.ts", "migrate"], {
    env: process.env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`integration database: ${url.replace(/\/\/[^@]*@/, "//…@")}`);
  return teardown;
}
