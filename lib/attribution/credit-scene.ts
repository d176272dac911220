import { db } from "../db";
import { drainAttribution } from "../ingest/attribute/drain-attribution";

/**
 * Once a scene that arrived unattributed belongs to a QR code, re-derives the ledger of every
 * follower who came through it: their events go back on the attribution queue, and the worker's
 * replay credits their follows and scans to the code's promoter, marked as credited after the
 * fact. Drains the queue before returning, so the operator sees the result. Returns how many
 * followers were re-derived.
 */
export async function creditScene(account: { id: string }, sceneKey: string): Promise<number> {
  const rows = await db().attribution.findMany({
    where: { accountId: account.id, sceneKey, promoterId: null, kind: { in: ["unknown_scene", "scan", "refollow"] } },
    select: { follower: { select: { openid: true } } },
    distinct: ["followerId"],
  });
  const openids = rows.map((r) => r.follower.openid);
  for (let i = 0; i < openids.length; i += 500) {
    await db().wechatEvent.updateMany({ where: { accountId: account.id, fromUser: { in: openids.slice(i, i + 500) } }, data: { attributedAt: null } });
  }
  if (openids.length) await drainAttribution(120_000);
  return openids.length;
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
