// The recomputation of accounts' signals, on whichever instance holds the lease: every account on the
// periodic tick, and the accounts that asked for it (thresholds saved, 立即重新计算) within seconds.
import { db } from "../db";
import { pipelineDb } from "../ingest/pipeline-db/get-pipeline-db";
import { timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";
import { acquireLease } from "../jobs/acquire-lease";
import { refreshSignals } from "./refresh-signals";

export const SIGNALS_LEASE = "signals:refresh";
export const SIGNALS_LEASE_MS = 10 * 60_000;

export type SignalRun = { leased: boolean; accounts: { accountId: string; flagged: number; totalMs: number }[] };

/** Accounts whose recomputation was asked for and not yet done, with when it was asked. */
export async function requestedAccounts(pdb: PipelineDb = pipelineDb()) {
  const rows = await pdb.read<{ accountId: string; requestedAt: unknown }>(`SELECT "accountId", "requestedAt" FROM "SignalSettings" WHERE "requestedAt" IS NOT NULL`);
  return rows.map((r) => ({ accountId: r.accountId, requestedAt: r.requestedAt instanceof Date ? r.requestedAt : new Date(String(r.requestedAt)) }));
}

/**
 * Takes the lease (or does nothing), then recomputes the requested accounts — every account when
 * `all` — renewing the lease before each. A request is cleared only if it came before the
 * recomputation started (a later one is run again at the next poll).
 */
export async function runSignals({ holder, all, now = new Date(), pdb = pipelineDb() }: { holder: string; all: boolean; now?: Date; pdb?: PipelineDb }): Promise<SignalRun> {
  if (!(await acquireLease(SIGNALS_LEASE, { holder, ttlMs: SIGNALS_LEASE_MS, now }))) return { leased: false, accounts: [] };
  const requested = await requestedAccounts(pdb);
  const ids = all ? (await pdb.read<{ id: string }>(`SELECT "id" FROM "Account" ORDER BY "createdAt"`)).map((a) => a.id) : requested.map((r) => r.accountId);
  const done: SignalRun["accounts"] = [];
  for (const accountId of ids) {
    if (!(await acquireLease(SIGNALS_LEASE, { holder, ttlMs: SIGNALS_LEASE_MS }))) break; // another instance took over
    const startedAt = new Date();
    const { flagged, totalMs } = await refreshSignals(accountId, { now: all ? now : startedAt, pdb });
    await pdb.transaction((s) => s.run(`UPDATE "SignalSettings" SET "requestedAt" = NULL WHERE "accountId" = ? AND "requestedAt" <= ?`, [accountId, timestamp(pdb.provider, startedAt)]));
    done.push({ accountId, flagged, totalMs });
  }
  return { leased: true, accounts: done };
}

/** Asks for an account's recomputation (the attribution thread runs it within seconds). */
export async function requestSignalRefresh(accountId: string, now = new Date()) {
  await db().signalSettings.upsert({ where: { accountId }, create: { accountId, requestedAt: now }, update: { requestedAt: now } });
}
