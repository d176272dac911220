// Prisma CLI configuration. DATABASE_URL picks the provider: SQLite (default) or PostgreSQL.
// engine "js" runs migrations through the driver adapters, so no native engine is downloaded.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { loadDotEnv, parseEnv } from "./lib/env";
import { createNameAsTextPool } from "./lib/db/pg-name-as-text";
import { sqliteAdapter } from "./lib/db/sqlite-adapter";

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
      // Migrations wait up to 5 s for another connection's lock (a running server's pipeline).
      return sqliteAdapter(config.sqlitePath!, 5000);
    }
    return new PrismaPg(createNameAsTextPool({ connectionString: config.DATABASE_URL }));
  },
});
