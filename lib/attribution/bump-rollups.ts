import { Prisma, type Tx } from "../db";
import type { AccountCounters, PromoterCounters } from "./decide-attribution";

// Whitelisted counter columns: only these names are ever placed into SQL text.
const PROMOTER_COLUMNS = ["newFollowers", "refollows", "unfollows", "scans"] as const;
const ACCOUNT_COLUMNS = [...PROMOTER_COLUMNS, "organic", "unattributed"] as const;

function counterSql(table: string, columns: readonly string[], counters: Record<string, number | undefined>) {
  const used = columns.filter((c) => counters[c]);
  if (!used.length) return null;
  const names = Prisma.raw(used.map((c) => `"${c}"`).join(", "));
  const values = Prisma.join(used.map((c) => counters[c]!));
  const updates = Prisma.raw(used.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(", "));
  return { names, values, updates };
}

/**
 * Adds the counters to the day's rollup rows with one INSERT … ON CONFLICT DO UPDATE each,
 * atomic on both SQLite and PostgreSQL, so concurrent events never lose an increment.
 */
export async function bumpRollups(
  tx: Tx,
  target: { accountId: string; promoterId: string | null; day: string },
  promoterCounters: PromoterCounters,
  accountCounters: AccountCounters,
) {
  const { accountId, promoterId, day } = target;
  const account = counterSql("AccountDailyStat", ACCOUNT_COLUMNS, accountCounters);
  if (account) {
    await tx.$executeRaw`INSERT INTO "AccountDailyStat" ("accountId", "day", ${account.names})
      VALUES (${accountId}, ${day}, ${account.values})
      ON CONFLICT ("accountId", "day") DO UPDATE SET ${account.updates}`;
  }
  const promoter = counterSql("PromoterDailyStat", PROMOTER_COLUMNS, promoterCounters);
  if (promoterId && promoter) {
    await tx.$executeRaw`INSERT INTO "PromoterDailyStat" ("accountId", "promoterId", "day", ${promoter.names})
      VALUES (${accountId}, ${promoterId}, ${day}, ${promoter.values})
      ON CONFLICT ("accountId", "promoterId", "day") DO UPDATE SET ${promoter.updates}`;
  }
}
