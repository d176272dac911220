import type { z } from "zod";
import { db } from "../db";
import { pageOf } from "./api-cursor";
import type { follower as followerSchema } from "./api-schemas";

export type ApiFollower = z.input<typeof followerSchema>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Who brought a follower (first-touch owner), when, and what happened since: the follower's state
 * and one page of their events, each with what it meant in the ledger, in the order received.
 * Null when the account has never heard of this openid.
 */
export async function getApiFollower(accountId: string, openid: string, q: { limit: number; cursor?: [number] }): Promise<ApiFollower | null> {
  const [row, events] = await Promise.all([
    db().follower.findUnique({
      where: { accountId_openid: { accountId, openid } },
      select: { status: true, source: true, firstSceneKey: true, firstFollowedAt: true, lastFollowedAt: true, unfollowedAt: true, retained7: true, promoter: { select: { id: true, name: true } } },
    }),
    db().wechatEvent.findMany({
      where: { accountId, fromUser: openid, ...(q.cursor ? { id: { gt: q.cursor[0] } } : {}) },
      orderBy: { id: "asc" },
      take: q.limit + 1,
      select: {
        id: true, event: true, eventKey: true, createTime: true, receivedAt: true,
        attribution: { select: { kind: true, promoterId: true, sceneKey: true, day: true, reassignedAt: true, promoter: { select: { name: true } } } },
      },
    }),
  ]);
  if (!row && events.length === 0 && !q.cursor) return null;
  const { page, nextCursor } = pageOf(events, q.limit, (e) => [e.id]);
  return {
    openid,
    status: (row?.status ?? "pending") as ApiFollower["status"],
    source: (row?.source ?? null) as ApiFollower["source"],
    promoter: row?.promoter ?? null,
    firstScene: row?.firstSceneKey ?? null,
    firstFollowedAt: iso(row?.firstFollowedAt ?? null),
    lastFollowedAt: iso(row?.lastFollowedAt ?? null),
    unfollowedAt: iso(row?.unfollowedAt ?? null),
    retained7: row?.retained7 ?? null,
    history: page.map((e) => ({
      event: e.event,
      eventKey: e.eventKey,
      occurredAt: new Date(Number(e.createTime) * 1000).toISOString(),
      receivedAt: e.receivedAt.toISOString(),
      attribution: e.attribution
        ? {
            kind: e.attribution.kind,
            promoterId: e.attribution.promoterId,
            promoterName: e.attribution.promoter?.name ?? null,
            scene: e.attribution.sceneKey,
            day: e.attribution.day,
            creditedLater: e.attribution.reassignedAt !== null,
          }
        : null,
    })),
    nextCursor,
  };
}
