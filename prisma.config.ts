// Prisma CLI configuration. DATABASE_URL picks the provider: SQLite (default) or PostgreSQL.
// engine "js" runs migrations through the driver adapters, so no native engine is downloaded.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { loadDotEnv, parseEnv } from "./lib/env";
import { createNameAsTextPool } from "./lib/db/pg-name-as-text";

loadDotEnv();
const config = parseEnv(process.env);
const dir = config.databaseProvider === "sqlite" ? "prisma" : path.join("prisma", "postgresql");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    if (config.databaseProvider === "sqlite") {
      return new PrismaBetterSQLite3({ url: config.sqlitePath! });
    }
    return new PrismaPg(createNameAsTextPool({ connectionString: config.DATABASE_URL }));
  },
});
