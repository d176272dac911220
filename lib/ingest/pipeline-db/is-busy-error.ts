import { SqliteBusyError } from "./sqlite-writer";

/** The database was locked (SQLite's write lock held elsewhere, PostgreSQL's lock timeout): retrying later may work. */
export function isBusyError(error: unknown): boolean {
  if (error instanceof SqliteBusyError) return true;
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_BUSY" || code === "55P03" || code === "40P01";
}
