import { db } from "../db";

const PAGE = 50;

/** The followers a promoter owns (first touch), newest first, one page after the cursor. */
export async function listPromoterFollowers(accountId: string, promoterId: string, cursor?: string) {
  const rows = await db().follower.findMany({
    where: { accountId, promoterId },
    orderBy: [{ firstFollowedAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { id: true, openid: true, status: true, source: true, firstSceneKey: true, firstFollowedAt: true, unfollowedAt: true },
  });
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1].id : null };
}

/** A promoter's ledger: follows, re-follows, unfollows and scans credited to them, newest first. */
export function listPromoterTimeline(accountId: string, promoterId: string, take = PAGE) {
  return db().attribution.findMany({
    where: { accountId, promoterId, kind: { not: "ignored" } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, occurredAt: true, sceneKey: true, reassignedAt: true, follower: { select: { openid: true } } },
  });
}
