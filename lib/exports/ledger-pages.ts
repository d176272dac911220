import { db } from "../db";

export const LEDGER_PAGE_SIZE = 5000;
const DAY_MS = 86_400_000;

type Range = { from: string; to: string };

// `day` (account time zone) is the exact filter; the occurredAt bounds, a day wider than any time zone
// offset, let the (accountId, occurredAt) index narrow the scan first.
function ledgerWhere(accountId: string, { from, to }: Range) {
  return {
    accountId,
    day: { gte: from, lte: to },
    occurredAt: { gte: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS), lt: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS) },
  };
}

const SELECT = { id: true, occurredAt: true, day: true, kind: true, sceneKey: true, follower: { select: { openid: true } }, promoter: { select: { name: true } } } as const;

export function countLedger(accountId: string, range: Range): Promise<number> {
  return db().attribution.count({ where: ledgerWhere(accountId, range) });
}

/** The account's ledger rows in the range, oldest first, one page per query (keyset on occurredAt, id). */
export async function* ledgerPages(accountId: string, range: Range, pageSize = LEDGER_PAGE_SIZE): AsyncGenerator<LedgerRow[]> {
  const where = ledgerWhere(accountId, range);
  let after: { occurredAt: Date; id: number } | null = null;
  for (;;) {
    const rows: LedgerRow[] = await db().attribution.findMany({
      where: after ? { ...where, OR: [{ occurredAt: { gt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { gt: after.id } }] } : where,
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      take: pageSize,
      select: SELECT,
    });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}

export type LedgerRow = { id: number; occurredAt: Date; day: string; kind: string; sceneKey: string | null; follower: { openid: string }; promoter: { name: string } | null };
