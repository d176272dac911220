// Where demo rows go: SQLite through lib/db/open-sqlite, PostgreSQL through pg (both in bulk).
import { env } from "../../lib/env";
import type { DemoChunk } from "./generate-demo";
import type { Rollups } from "./rollups";
import { postgresWriter } from "./write-postgres";
import { sqliteWriter } from "./write-sqlite";

export type DemoWriter = {
  /** The first free ids of the autoincrement tables (rows are written with explicit ids). */
  nextIds(): Promise<{ event: number; attribution: number }>;
  writeChunk(accountId: string, chunk: DemoChunk): Promise<void>;
  /** Adds to the rollups already stored (an account can be seeded more than once). */
  writeRollups(accountId: string, rollups: Rollups): Promise<void>;
  close(): Promise<void>;
};

export function demoWriter(): DemoWriter {
  const config = env();
  return config.databaseProvider === "postgresql" ? postgresWriter(config.DATABASE_URL) : sqliteWriter(config.sqlitePath!);
}
