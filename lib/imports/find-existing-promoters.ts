import { db } from "../db";
import { duplicateKey } from "./validate-import-rows";

// Keeps each IN (…) list well under SQLite's and PostgreSQL's bound-parameter limits.
const NAMES_PER_QUERY = 500;

/** The duplicate keys (name + phone) of the account's promoters that carry one of these names. */
export async function existingPromoterKeys(accountId: string, names: string[]): Promise<Set<string>> {
  const unique = [...new Set(names)];
  const keys = new Set<string>();
  for (let i = 0; i < unique.length; i += NAMES_PER_QUERY) {
    const rows = await db().promoter.findMany({
      where: { accountId, name: { in: unique.slice(i, i + NAMES_PER_QUERY) } },
      select: { name: true, phone: true },
    });
    for (const r of rows) keys.add(duplicateKey(r.name, r.phone));
  }
  return keys;
}
