import { db } from "../db";

/** A run of the account with its lines, the most owed first; null when not the account's. */
export async function getSettlementRun(accountId: string, id: string) {
  const run = await db().settlementRun.findFirst({ where: { id, accountId } });
  if (!run) return null;
  const lines = await db().settlementLine.findMany({ where: { runId: id }, orderBy: [{ totalFen: "desc" }, { qualified: "desc" }, { promoterName: "asc" }, { id: "asc" }] });
  return { ...run, lines };
}

/** One promoter's items of a run (the follower-level evidence), the period's first, then adjustments, by day. */
export function listSettlementItems(runId: string, promoterId: string) {
  return db().settlementItem.findMany({
    where: { runId, promoterId },
    orderBy: [{ adjustment: "asc" }, { day: "asc" }, { followedAt: "asc" }, { id: "asc" }],
    select: { openid: true, sceneKey: true, day: true, followedAt: true, unfollowedAt: true, qualified: true, reason: true, unitFen: true, amountFen: true, adjustment: true },
  });
}

/** The account's runs, the latest first. */
export function listSettlementRuns(accountId: string, take = 100) {
  return db().settlementRun.findMany({ where: { accountId }, orderBy: { seq: "desc" }, take });
}
