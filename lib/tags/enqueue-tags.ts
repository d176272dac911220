// Tag jobs join the attribution batch's transaction, as the webhook outbox does: each new credited
// follow whose promoter, team or campaign is mapped to a tag becomes a pending FollowerTag row. One
// read for accounts without mappings (the usual case), one INSERT … SELECT per chunk otherwise; the
// unique (tag, follower) makes a re-run insert nothing.
import { chunks, placeholders, timestamp, type SqlSession } from "../ingest/pipeline-db/sql-session";
import type { FollowerPlan } from "../ingest/attribute/plan-follower";
import { CREDITED_KINDS, CREDITED_TO_MAPPING } from "./credited-to-mapping";

const ROWS = 400;
const CREDITED = new Set(["new_follow", "backfilled"]);

/** Enqueues the batch's tag jobs; returns how many rows were new. */
export async function enqueueTags(session: SqlSession, planned: { accountId: string; plans: FollowerPlan[] }[], now: Date): Promise<number> {
  const credited = new Map<string, number[]>();
  for (const { accountId, plans } of planned) {
    const ids = plans.flatMap((x) => x.inserts.filter((e) => e.promoterId && CREDITED.has(e.kind)).map((e) => e.eventId));
    if (ids.length) credited.set(accountId, ids);
  }
  if (!credited.size) return 0;
  const accounts = [...credited.keys()];
  const mapped = await session.all<{ accountId: string }>(`SELECT DISTINCT "accountId" FROM "TagMapping" WHERE "accountId" IN (${placeholders(accounts.length)})`, accounts);
  const eventIds = mapped.flatMap((r) => credited.get(r.accountId) ?? []);
  const at = timestamp(session.provider, now);
  let created = 0;
  for (const part of chunks(eventIds, ROWS)) {
    created += await session.run(
      `INSERT INTO "FollowerTag" ("accountId", "tagMappingId", "followerId", "openid", "status", "attempts", "nextAttemptAt", "createdAt")
       SELECT a."accountId", m."id", a."followerId", f."openid", 'pending', 0, ?, ?
         FROM "Attribution" a
         JOIN "Follower" f ON f."id" = a."followerId" AND f."status" = 'following'
         JOIN "TagMapping" m ON m."accountId" = a."accountId" AND ${CREDITED_TO_MAPPING}
        WHERE a."eventId" IN (${placeholders(part.length)}) AND a."kind" IN ${CREDITED_KINDS}
       ON CONFLICT ("tagMappingId", "followerId") DO NOTHING`,
      [at, at, ...part],
    );
  }
  return created;
}
