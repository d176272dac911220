import { chunks, placeholders, type SqlSession } from "../pipeline-db/sql-session";
import type { Code, StoredEvent, StoredFollower } from "./plan-follower";
import { DEFAULT_QUALIFY_DAYS } from "../../attribution/replay-follower";

// Each IN list stays well under SQLite's and PostgreSQL's parameter limits.
const IN_CHUNK = 500;

export type PendingEvent = { id: number; accountId: string; fromUser: string };

const toDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));
const toBool = (v: unknown) => (v === null || v === undefined ? null : Boolean(v));

/** The oldest events not yet attributed (the durable queue), in arrival order. */
export function claimPending(session: SqlSession, limit: number) {
  return session.all<PendingEvent>(`SELECT "id", "accountId", "fromUser" FROM "WechatEvent" WHERE "attributedAt" IS NULL ORDER BY "id" LIMIT ?`, [limit]);
}

/** Every stored event of these followers (all of them: the replay needs each follower's history) with its ledger row. */
export async function loadEvents(session: SqlSession, accountId: string, openids: string[]) {
  const byOpenid = new Map<string, StoredEvent[]>();
  const pendingIds: number[] = [];
  for (const part of chunks(openids, IN_CHUNK)) {
    const rows = await session.all(
      `SELECT e."id", e."fromUser", e."createTime", e."event", e."eventKey", e."attributedAt",
              a."id" AS "aId", a."kind", a."promoterId", a."qrCodeId", a."day"
         FROM "WechatEvent" e LEFT JOIN "Attribution" a ON a."eventId" = e."id"
        WHERE e."accountId" = ? AND e."fromUser" IN (${placeholders(part.length)})`,
      [accountId, ...part],
    );
    for (const r of rows) {
      const event: StoredEvent = {
        id: Number(r.id),
        createTime: Number(r.createTime),
        event: r.event as StoredEvent["event"],
        eventKey: (r.eventKey as string | null) ?? null,
        attribution: r.aId == null ? null : { id: Number(r.aId), kind: String(r.kind), promoterId: (r.promoterId as string | null) ?? null, qrCodeId: (r.qrCodeId as string | null) ?? null, day: String(r.day) },
      };
      const list = byOpenid.get(r.fromUser as string) ?? [];
      list.push(event);
      byOpenid.set(r.fromUser as string, list);
      if (r.attributedAt == null) pendingIds.push(event.id);
    }
  }
  return { byOpenid, pendingIds };
}

export async function loadFollowers(session: SqlSession, accountId: string, openids: string[]) {
  const out = new Map<string, StoredFollower>();
  for (const part of chunks(openids, IN_CHUNK)) {
    const rows = await session.all(
      `SELECT "id", "openid", "promoterId", "source", "status", "firstSceneKey", "firstFollowedAt", "lastFollowedAt", "unfollowedAt", "retained7", "qualified"
         FROM "Follower" WHERE "accountId" = ? AND "openid" IN (${placeholders(part.length)})`,
      [accountId, ...part],
    );
    for (const r of rows) {
      out.set(r.openid as string, {
        id: r.id as string,
        promoterId: (r.promoterId as string | null) ?? null,
        source: r.source as StoredFollower["source"],
        status: r.status as StoredFollower["status"],
        firstSceneKey: (r.firstSceneKey as string | null) ?? null,
        firstFollowedAt: toDate(r.firstFollowedAt),
        lastFollowedAt: toDate(r.lastFollowedAt),
        unfollowedAt: toDate(r.unfollowedAt),
        retained7: toBool(r.retained7),
        qualified: toBool(r.qualified),
      });
    }
  }
  return out;
}

export async function loadCodes(session: SqlSession, accountId: string, scenes: string[]) {
  const out = new Map<string, Code>();
  for (const part of chunks(scenes, IN_CHUNK)) {
    const rows = await session.all(`SELECT "id", "sceneKey", "promoterId" FROM "QrCode" WHERE "accountId" = ? AND "sceneKey" IN (${placeholders(part.length)})`, [accountId, ...part]);
    for (const r of rows) out.set(r.sceneKey as string, { id: r.id as string, promoterId: (r.promoterId as string | null) ?? null });
  }
  return out;
}

/** Each account's qualifyDays (the N of 有效关注), which the replay applies. */
export async function loadQualifyDays(session: SqlSession, accountId: string) {
  const [row] = await session.all(`SELECT "qualifyDays" FROM "Account" WHERE "id" = ?`, [accountId]);
  return row ? Number(row.qualifyDays) : DEFAULT_QUALIFY_DAYS;
}

export async function loadTimeZones(session: SqlSession, accountIds: string[]) {
  const rows = await session.all(`SELECT "id", "timezone" FROM "Account" WHERE "id" IN (${placeholders(accountIds.length)})`, accountIds);
  return new Map(rows.map((r) => [r.id as string, r.timezone as string]));
}
