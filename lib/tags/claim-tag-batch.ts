// Taking due tag jobs: up to 50 pending rows of one tag (one batchtagging call), under a lease
// (claimedUntil) so another worker — another instance, or this one after a crash — takes them only
// once it has run out. PostgreSQL: FOR UPDATE SKIP LOCKED lets instances claim side by side.
import { db, Prisma } from "../db";
import { env } from "../env";
import { MAX_OPENIDS_PER_CALL } from "./wechat-tags";

// Longer than a worst-case batch: a call of 10 s, split down to single openids after a 40003 or 45059.
export const LEASE_MS = 120_000;
export const QUOTA_ERRCODE = 45009;

export type ClaimedTagBatch = { accountId: string; tagMappingId: string; wechatTagId: number; rows: { id: number; openid: string; attempts: number }[] };

const due = (now: Date) => Prisma.sql`"status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})`;

/** `resting`: accounts whose WeChat was unreachable a moment ago (the worker's own memory, see tagging-worker.ts). */
export async function claimTagBatch(now = new Date(), size = MAX_OPENIDS_PER_CALL, resting: string[] = []): Promise<ClaimedTagBatch | null> {
  // A read first: an idle poll takes no write lock.
  // An account paused by 45009 (its rows wait for midnight with that errcode) is skipped: rows queued
  // since would only meet the same refusal.
  const skip = resting.length ? Prisma.sql`AND "accountId" NOT IN (${Prisma.join(resting)})` : Prisma.empty;
  const [next] = await db().$queryRaw<{ tagMappingId: string }[]>(Prisma.sql`
    SELECT "tagMappingId" FROM "FollowerTag" WHERE ${due(now)} ${skip}
       AND "accountId" NOT IN (SELECT "accountId" FROM "FollowerTag" WHERE "status" = 'pending' AND "lastErrorCode" = ${QUOTA_ERRCODE} AND "nextAttemptAt" > ${now})
     ORDER BY "nextAttemptAt" LIMIT 1`);
  if (!next) return null;
  const lock = env().databaseProvider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db().$queryRaw<{ id: number | bigint; openid: string; attempts: number | bigint }[]>(Prisma.sql`
    UPDATE "FollowerTag" SET "claimedUntil" = ${new Date(now.getTime() + LEASE_MS)}
     WHERE "id" IN (SELECT "id" FROM "FollowerTag" WHERE "tagMappingId" = ${next.tagMappingId} AND ${due(now)} ORDER BY "id" LIMIT ${size} ${lock})
    RETURNING "id", "openid", "attempts"`);
  if (!rows.length) return null; // another worker took them meanwhile
  const mapping = await db().tagMapping.findUnique({ where: { id: next.tagMappingId }, select: { accountId: true, wechatTagId: true } });
  if (!mapping) return null; // deleted meanwhile: its rows went with it
  return {
    accountId: mapping.accountId, tagMappingId: next.tagMappingId, wechatTagId: mapping.wechatTagId,
    rows: rows.map((r) => ({ id: Number(r.id), openid: r.openid, attempts: Number(r.attempts) })).sort((a, b) => a.id - b.id),
  };
}
