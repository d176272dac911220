// What the database says happened for one account, read the way the dashboard reads it (rollups)
// and the way an auditor would (raw events, followers, ledger).
import fs from "node:fs";
import { openSqlite } from "../../../lib/db/open-sqlite";
import { db } from "../../../lib/db";
import { env } from "../../../lib/env";
import { inboxFile } from "../../../lib/ingest/pipeline-db/sqlite-inbox";
import { countPending } from "../../../lib/ingest/monitor/count-pending";

export type AccountCounts = {
  events: number;
  followers: number;
  ledger: number;
  newFollowersRollup: number;
  /** promoterId → new followers, from PromoterDailyStat (what the leaderboard shows). */
  promoterRollup: Map<string, number>;
  /** promoterId → new_follow ledger rows. */
  promoterLedger: Map<string, number>;
};

/** Events of the account the attribution worker has not processed yet (acknowledged, not yet on the leaderboard). */
export async function pendingEvents(accountId: string): Promise<number> {
  return (await countPending(accountId)).count;
}

/** Waits until the server's attribution worker has drained the account's queue; throws after `timeoutMs`. */
export async function waitForAttribution(accountId: string, timeoutMs = 60_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (let pending = await pendingEvents(accountId); pending > 0; pending = await pendingEvents(accountId)) {
    if (Date.now() > giveUpAt) throw new Error(`${pending} events still waiting for attribution after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The account's counts once everything acknowledged so far has been attributed. */
export async function accountCounts(accountId: string): Promise<AccountCounts> {
  await waitForAttribution(accountId);
  const client = db();
  const [events, followers, ledger, account, rollup, ledgerByPromoter] = await Promise.all([
    client.wechatEvent.count({ where: { accountId } }),
    client.follower.count({ where: { accountId } }),
    client.attribution.count({ where: { accountId } }),
    client.accountDailyStat.aggregate({ where: { accountId }, _sum: { newFollowers: true } }),
    client.promoterDailyStat.groupBy({ by: ["promoterId"], where: { accountId }, _sum: { newFollowers: true } }),
    client.attribution.groupBy({ by: ["promoterId"], where: { accountId, kind: "new_follow" }, _count: { _all: true } }),
  ]);
  return {
    events,
    followers,
    ledger,
    newFollowersRollup: account._sum.newFollowers ?? 0,
    promoterRollup: new Map(rollup.map((r) => [r.promoterId, r._sum.newFollowers ?? 0])),
    promoterLedger: new Map(ledgerByPromoter.filter((r) => r.promoterId).map((r) => [r.promoterId!, r._count._all])),
  };
}

/** Promoters whose stored count differs from the truth, as "id: expected→observed" (at most `limit`). */
export function promoterMismatches(truth: Map<string, number>, observed: Map<string, number>, limit = 5) {
  const ids = new Set([...truth.keys(), ...observed.keys()]);
  const wrong = [...ids].filter((id) => (truth.get(id) ?? 0) !== (observed.get(id) ?? 0));
  return { count: wrong.length, sample: wrong.slice(0, limit).map((id) => `${id.slice(-6)}: ${truth.get(id) ?? 0}→${observed.get(id) ?? 0}`) };
}

/** The openids of the account's stored events. */
/** Openids with a stored event: in WechatEvent or (SQLite) still in the inbox, read first (rows only move forward). */
export async function storedOpenids(accountId: string): Promise<Set<string>> {
  const sqlite = env().sqlitePath;
  const inbox = sqlite && fs.existsSync(inboxFile(sqlite)) ? openSqlite(inboxFile(sqlite), { readonly: true }) : null;
  const inInbox = inbox ? inbox.prepare(`SELECT "fromUser" FROM "Inbox" WHERE "accountId" = ?`).all<{ fromUser: string }>([accountId]) : [];
  inbox?.close();
  const rows = await db().wechatEvent.findMany({ where: { accountId }, select: { fromUser: true } });
  return new Set([...inInbox, ...rows].map((r) => r.fromUser));
}
