// The periodic recomputation of every account's signals, on whichever instance holds the lease.
import { db } from "../db";
import { acquireLease } from "../jobs/acquire-lease";
import { refreshSignals } from "./refresh-signals";

export const SIGNALS_LEASE = "signals:refresh";
export const SIGNALS_LEASE_MS = 10 * 60_000;

export type ScheduledSignals = { leased: boolean; accounts: { accountId: string; flagged: number; totalMs: number }[] };

/** One tick: takes the lease (or does nothing), then refreshes each account, renewing the lease before each. */
export async function runScheduledSignals({ holder, now = new Date() }: { holder: string; now?: Date }): Promise<ScheduledSignals> {
  if (!(await acquireLease(SIGNALS_LEASE, { holder, ttlMs: SIGNALS_LEASE_MS, now }))) return { leased: false, accounts: [] };
  const accounts = await db().account.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  const done: ScheduledSignals["accounts"] = [];
  for (const { id } of accounts) {
    if (!(await acquireLease(SIGNALS_LEASE, { holder, ttlMs: SIGNALS_LEASE_MS }))) break; // another instance took over
    const { flagged, totalMs } = await refreshSignals(id);
    done.push({ accountId: id, flagged, totalMs });
  }
  return { leased: true, accounts: done };
}
