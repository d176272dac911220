// "Tag existing followers": queues every current follower credited to the mapping's team, campaign or
// promoter in one INSERT … SELECT; those already queued or tagged are left as they are (the unique
// (tag, follower) index), so pressing it twice queues nothing more.
import { writeAudit } from "../audit/write-audit";
import { db, Prisma } from "../db";
import { CREDITED_KINDS, CREDITED_TO_MAPPING } from "./credited-to-mapping";
import { nudgeTagging } from "./tagging-worker";

type Actor = { email: string; id?: string | null };

// The ledger rows to look at, by the index that finds them: a promoter's, a team's members', a campaign's codes'.
const CANDIDATES: Record<string, Prisma.Sql> = {
  promoter: Prisma.sql`a."promoterId" = m."targetId"`,
  team: Prisma.sql`a."promoterId" IN (SELECT p."id" FROM "Promoter" p WHERE p."teamId" = m."targetId")`,
  campaign: Prisma.sql`a."qrCodeId" IN (SELECT cc."qrCodeId" FROM "CampaignCode" cc WHERE cc."campaignId" = m."targetId")`,
};

// Rows per statement: on SQLite a statement holds the process's event loop (the driver is
// synchronous), so a team of 100,000 followers is queued in short steps with a yield between them
// (2,000 rows a step stalled it for 40–215 ms on a loaded 2-core box; 500 should take about a quarter).
const CHUNK = 500;

/** Queues the mapping's current followers; returns how many were newly queued. */
export async function tagExistingFollowers(accountId: string, mappingId: string, actor: Actor, { audit = true, chunk = CHUNK } = {}): Promise<number> {
  const mapping = await db().tagMapping.findFirst({ where: { id: mappingId, accountId }, select: { id: true, targetType: true, name: true } });
  if (!mapping) throw new Error(`Unknown tag mapping ${mappingId}`);
  const now = new Date();
  const credited = Prisma.sql`a."accountId" = m."accountId" AND ${CANDIDATES[mapping.targetType]} AND a."kind" IN ${Prisma.raw(CREDITED_KINDS)} AND ${Prisma.raw(CREDITED_TO_MAPPING)}`;
  let queued = 0;
  for (let after = 0; ; ) {
    // The chunk's last ledger id: keyset paging in id order, so each step starts where the last ended.
    const [edge] = await db().$queryRaw<{ id: number | bigint | null }[]>(Prisma.sql`
      SELECT MAX(c."id") AS "id" FROM (
        SELECT a."id" FROM "TagMapping" m JOIN "Attribution" a ON ${credited}
         WHERE m."id" = ${mapping.id} AND a."id" > ${after} ORDER BY a."id" LIMIT ${chunk}) c`);
    if (edge?.id === null || edge?.id === undefined) break;
    const through = Number(edge.id);
    queued += await db().$executeRaw(Prisma.sql`
      INSERT INTO "FollowerTag" ("accountId", "tagMappingId", "followerId", "openid", "status", "attempts", "nextAttemptAt", "createdAt")
      SELECT m."accountId", m."id", f."id", f."openid", 'pending', 0, ${now}, ${now}
        FROM "TagMapping" m
        JOIN "Attribution" a ON ${credited} AND a."id" > ${after} AND a."id" <= ${through}
        JOIN "Follower" f ON f."id" = a."followerId" AND f."status" = 'following'
       WHERE m."id" = ${mapping.id}
      ON CONFLICT ("tagMappingId", "followerId") DO NOTHING`);
    after = through;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (audit) {
    await db().$transaction((tx) => writeAudit(tx, { actor: actor.email, userId: actor.id, action: "tag.tag-existing", targetType: "tag", targetId: mapping.id, detail: { name: mapping.name, queued } }));
  }
  if (queued) nudgeTagging();
  return queued;
}
