import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Per-connection settings. WAL itself is persistent and set by the migrate step.
// synchronous=FULL makes each acknowledged commit durable across a power loss too, not only
// across a process crash (better-sqlite3 is built with NORMAL as the WAL default).
const CONNECTION_PRAGMAS = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

/** The better-sqlite3 adapter factory with Scenecode's pragmas applied to every connection. */
export function sqliteAdapter(file: string, busyTimeoutMs: number) {
  const inner = new PrismaBetterSQLite3({ url: file, timeout: busyTimeoutMs });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  } satisfies Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;
}
