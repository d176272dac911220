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

/** Queues the mapping's current followers; returns how many were newly queued. */
export async function tagExistingFollowers(accountId: string, mappingId: string, actor: Actor, { audit = true } = {}): Promise<number> {
  const mapping = await db().tagMapping.findFirst({ where: { id: mappingId, accountId }, select: { id: true, targetType: true, name: true } });
  if (!mapping) throw new Error(`Unknown tag mapping ${mappingId}`);
  const now = new Date();
  const queued = await db().$executeRaw(Prisma.sql`
    INSERT INTO "FollowerTag" ("accountId", "tagMappingId", "followerId", "openid", "status", "attempts", "nextAttemptAt", "createdAt")
    SELECT m."accountId", m."id", f."id", f."openid", 'pending', 0, ${now}, ${now}
      FROM "TagMapping" m
      JOIN "Attribution" a ON a."accountId" = m."accountId" AND ${CANDIDATES[mapping.targetType]} AND a."kind" IN ${Prisma.raw(CREDITED_KINDS)} AND ${Prisma.raw(CREDITED_TO_MAPPING)}
      JOIN "Follower" f ON f."id" = a."followerId" AND f."status" = 'following'
     WHERE m."id" = ${mapping.id}
    ON CONFLICT ("tagMappingId", "followerId") DO NOTHING`);
  if (audit) {
    await db().$transaction((tx) => writeAudit(tx, { actor: actor.email, userId: actor.id, action: "tag.tag-existing", targetType: "tag", targetId: mapping.id, detail: { name: mapping.name, queued } }));
  }
  if (queued) nudgeTagging();
  return queued;
}
