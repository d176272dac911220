// A promoter's followers and the status of each one's tags (on the promoter's page), newest first.
import { db } from "../db";

const SHOWN = 50;

export type FollowerTagStatus = { followerId: string; openid: string; tags: { name: string; status: string; errcode: number | null }[] };

export async function listFollowerTags(accountId: string, promoterId: string): Promise<FollowerTagStatus[]> {
  const rows = await db().followerTag.findMany({
    where: { accountId, follower: { promoterId } },
    orderBy: { id: "desc" },
    take: SHOWN * 3,
    select: { followerId: true, openid: true, status: true, lastErrorCode: true, tagMapping: { select: { name: true } } },
  });
  const byFollower = new Map<string, FollowerTagStatus>();
  for (const r of rows) {
    let entry = byFollower.get(r.followerId);
    if (!entry) {
      if (byFollower.size >= SHOWN) continue;
      byFollower.set(r.followerId, (entry = { followerId: r.followerId, openid: r.openid, tags: [] }));
    }
    entry.tags.push({ name: r.tagMapping.name, status: r.status, errcode: r.lastErrorCode });
  }
  return [...byFollower.values()];
}
