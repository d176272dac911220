import { db } from "../db";
import { encodeCursor } from "../rest-api/api-cursor";

export type ApiFollow = {
  id: number;
  openid: string;
  kind: string;
  promoterId: string | null;
  promoterName: string | null;
  scene: string | null;
  occurredAt: Date;
  day: string;
  creditedLater: boolean;
};

/** One page of the account's attribution ledger in a day range (oldest first), with the cursor for the next. */
export async function listApiFollows(accountId: string, q: { from: string; to: string; promoterId?: string; cursor?: number; limit: number }) {
  const rows = await db().attribution.findMany({
    where: { accountId, day: { gte: q.from, lte: q.to }, kind: { not: "ignored" }, ...(q.promoterId ? { promoterId: q.promoterId } : {}), ...(q.cursor ? { id: { gt: q.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: { id: true, kind: true, promoterId: true, sceneKey: true, occurredAt: true, day: true, reassignedAt: true, follower: { select: { openid: true } }, promoter: { select: { name: true } } },
  });
  const page = rows.slice(0, q.limit);
  const data: ApiFollow[] = page.map((r) => ({
    id: r.id,
    openid: r.follower.openid,
    kind: r.kind,
    promoterId: r.promoterId,
    promoterName: r.promoter?.name ?? null,
    scene: r.sceneKey,
    occurredAt: r.occurredAt,
    day: r.day,
    creditedLater: r.reassignedAt !== null,
  }));
  return { data, nextCursor: rows.length > q.limit ? encodeCursor([page[page.length - 1].id]) : null };
}
