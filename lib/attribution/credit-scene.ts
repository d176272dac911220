import { db } from "../db";
import { reconcileFollower } from "./reconcile-follower";

/**
 * Once a scene that arrived unattributed belongs to a QR code, re-derives the ledger of every
 * follower who came through it: their follows and scans are credited to the code's promoter,
 * marked as credited after the fact. Returns how many followers were reconciled.
 */
export async function creditScene(account: { id: string; timezone: string }, sceneKey: string): Promise<number> {
  const rows = await db().attribution.findMany({
    where: { accountId: account.id, sceneKey, promoterId: null, kind: { in: ["unknown_scene", "scan", "refollow"] } },
    select: { follower: { select: { openid: true } } },
    distinct: ["followerId"],
  });
  for (const { follower } of rows) await db().$transaction((tx) => reconcileFollower(tx, account, follower.openid));
  return rows.length;
}

/** Scenes that arrived with no QR code behind them, most used first. */
export async function listUnmappedScenes(accountId: string, take = 50) {
  const groups = await db().attribution.groupBy({
    by: ["sceneKey"],
    where: { accountId, kind: "unknown_scene", promoterId: null, sceneKey: { not: null } },
    _count: { _all: true },
    _max: { occurredAt: true },
    orderBy: { _count: { sceneKey: "desc" } },
    take,
  });
  return groups.map((g) => ({ sceneKey: g.sceneKey!, follows: g._count._all, lastAt: g._max.occurredAt }));
}
