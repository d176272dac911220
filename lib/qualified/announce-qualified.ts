// The qualified-follow webhook: once a credited first follow's N days have passed, the follower's
// replayed state (Follower.qualified) decides it, and a qualified one becomes a WebhookEvent
// (id qf_<followerId>_<WechatEvent id>) with a delivery per endpoint that wants the type. A durable
// cursor over the ledger's first follows (occurredAt, then id) in QualifiedFollowState makes each
// follow decided once; the stable ids make a re-run after a crash enqueue nothing twice.
import { timestamp, type PipelineDb, type SqlSession } from "../ingest/pipeline-db/sql-session";
import { inWorkerTransaction } from "../backfill/import-chunk";
import { activeEndpoints } from "../webhooks/active-endpoints";
import { buildPayload } from "../webhooks/build-payload";
import { insertOutbox } from "../webhooks/enqueue-webhooks";
import { qualifyDeadline } from "./qualify-window";

const BATCH = 500;
// Pushes are committed and attributed within moments; this margin lets the events up to t + N land
// before the follow is decided on them.
export const DECIDE_GRACE_MS = 2 * 60_000;
const DAY_MS = 86400_000;
const ALL_AT_INSTANT = 2_147_483_647; // as announcedId: every first follow at announcedAt is done

export const qualifiedFollowId = (followerId: string, wechatEventId: number) => `qf_${followerId}_${wechatEventId}`;

/** The newest first-follow time decided at `now`: follows up to here have had their N days. */
export const decidedThrough = (now: Date, qualifyDays: number) => new Date(now.getTime() - qualifyDays * DAY_MS - DECIDE_GRACE_MS);
/** Where a new account's cursor starts: only follows decided from now on are announced, not the history. */
export const announcerStart = decidedThrough;

type Cursor = { at: Date; id: number };
type FirstFollow = { id: number; eventId: number; followerId: string; promoterId: string; sceneKey: string | null; occurredAt: unknown; openid: string; qualified: unknown; followerPromoterId: string | null; source: string };

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(v as string));

async function payloads(session: SqlSession, accountId: string, rows: FirstFollow[], qualifyDays: number) {
  const [account] = await session.all(`SELECT "appId" FROM "Account" WHERE "id" = ?`, [accountId]);
  const ids = [...new Set(rows.map((r) => r.promoterId))];
  const promoters = new Map<string, { name: string; team: { id: string; name: string } | null }>();
  for (const id of ids) {
    const [p] = await session.all(`SELECT p."name", t."id" AS "teamId", t."name" AS "teamName" FROM "Promoter" p LEFT JOIN "Team" t ON t."id" = p."teamId" WHERE p."id" = ?`, [id]);
    if (p) promoters.set(id, { name: p.name as string, team: p.teamId ? { id: p.teamId as string, name: p.teamName as string } : null });
  }
  return rows.map((r) => {
    const followedAt = toDate(r.occurredAt);
    const qualifiedAt = qualifyDeadline(followedAt, qualifyDays);
    const promoter = promoters.get(r.promoterId);
    const id = qualifiedFollowId(r.followerId, r.eventId);
    const body = buildPayload({
      id, type: "qualified-follow", occurredAt: qualifiedAt.toISOString(), account: { id: accountId, appId: (account?.appId as string) ?? "" },
      data: {
        openid: r.openid, kind: "new_follow", promoter: promoter ? { id: r.promoterId, name: promoter.name } : null, scene: r.sceneKey, team: promoter?.team ?? null,
        followedAt: followedAt.toISOString(), qualifyDays,
      },
    });
    return { id, accountId, type: "qualified-follow" as const, body, occurredAt: qualifiedAt };
  });
}

/**
 * Decides the next batch of first follows past the cursor whose N days have passed; enqueues the
 * qualified ones when an endpoint wants them. Returns how many follows it decided (BATCH: call again).
 */
export async function announceQualified(database: PipelineDb, accountId: string, qualifyDays: number, now = new Date()): Promise<number> {
  return inWorkerTransaction(database, async (session) => {
    const p = session.provider;
    const upper = decidedThrough(now, qualifyDays);
    const [state] = await session.all(`SELECT "announcedAt", "announcedId", "rebuildOpenid" FROM "QualifiedFollowState" WHERE "accountId" = ?`, [accountId]);
    if (!state) {
      await session.run(`INSERT INTO "QualifiedFollowState" ("accountId", "announcedAt", "announcedId") VALUES (?, ?, 0) ON CONFLICT ("accountId") DO NOTHING`, [accountId, timestamp(p, upper)]);
      return 0;
    }
    if (state.rebuildOpenid !== null) return 0; // decided only on rebuilt flags
    const cursor: Cursor = { at: toDate(state.announcedAt), id: Number(state.announcedId) };
    if (cursor.at >= upper) return 0; // nothing new is due (or N grew: follows already decided stay so)
    const move = (to: Cursor) => session.run(`UPDATE "QualifiedFollowState" SET "announcedAt" = ?, "announcedId" = ? WHERE "accountId" = ?`, [timestamp(p, to.at), to.id, accountId]);
    if (!(await activeEndpoints(session)).get(accountId)?.has("qualified-follow")) {
      await move({ at: upper, id: ALL_AT_INSTANT }); // nobody listens: follows decided meanwhile are not sent later
      return 0;
    }
    const rows = await session.all<FirstFollow>(
      `SELECT a."id", a."eventId", a."followerId", a."promoterId", a."sceneKey", a."occurredAt", f."openid", f."qualified", f."promoterId" AS "followerPromoterId", f."source"
         FROM "Attribution" a JOIN "Follower" f ON f."id" = a."followerId"
        WHERE a."accountId" = ? AND a."kind" = 'new_follow' AND a."promoterId" IS NOT NULL
          AND (a."occurredAt" > ? OR (a."occurredAt" = ? AND a."id" > ?)) AND a."occurredAt" <= ?
        ORDER BY a."occurredAt", a."id" LIMIT ${BATCH}`,
      [accountId, timestamp(p, cursor.at), timestamp(p, cursor.at), cursor.id, timestamp(p, upper)],
    );
    // The follower's first follow, still credited to the same promoter, and following at t + N.
    const qualified = rows.filter((r) => Boolean(r.qualified) && r.source === "qr" && r.followerPromoterId === r.promoterId);
    if (qualified.length) await insertOutbox(session, await payloads(session, accountId, qualified, qualifyDays), now);
    const last = rows[rows.length - 1];
    await move(rows.length === BATCH ? { at: toDate(last.occurredAt), id: last.id } : { at: upper, id: ALL_AT_INSTANT });
    return rows.length;
  });
}
