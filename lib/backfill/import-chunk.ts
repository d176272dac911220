// Writes one chunk of imported followers (up to ~1,000) in one short transaction: a synthetic
// "backfill" event per follower, then the attribution worker's own replay and set-based writes, so
// an import obeys exactly the rules live events do (lib/attribution/decide-attribution.ts).
import { lockWorker, planAccount } from "../ingest/attribute/attribute-batch";
import { loadTimeZones } from "../ingest/attribute/load-batch";
import { newFollowerId } from "../ingest/attribute/new-follower-id";
import { writeBatch } from "../ingest/attribute/write-batch";
import { chunks, timestamp, valuesList, type PipelineDb, type SqlSession } from "../ingest/pipeline-db/sql-session";
import { sceneOf, type FollowerInfo } from "./fetch-followers";
import { setTimeout as sleep } from "node:timers/promises";

const ROWS = 400;

export type ChunkResult = { imported: number; credited: number };

/** Inserts the synthetic events; the dedup key makes a chunk redone after a crash (or a second import) insert nothing twice. */
export async function insertEvents(session: SqlSession, accountId: string, rows: { openid: string; createTime: number; eventKey: string | null; event: string }[], at: string) {
  for (const part of chunks(rows, ROWS)) {
    await session.run(
      `INSERT INTO "WechatEvent" ("accountId", "fromUser", "createTime", "event", "eventKey", "ticket", "receivedAt", "attributedAt")
       VALUES ${valuesList(part.length, 8)} ON CONFLICT DO NOTHING`,
      part.flatMap((r) => [accountId, r.openid, r.createTime, r.event, r.eventKey, null, at, at]),
    );
  }
}

/** Stores WeChat's own fields on every listed follower (each has a row by now) and when this import saw them. */
async function storeProfiles(session: SqlSession, accountId: string, infos: FollowerInfo[], now: Date) {
  const p = session.provider;
  const at = timestamp(p, now);
  for (const part of chunks(infos, ROWS)) {
    await session.run(
      `INSERT INTO "Follower" ("id", "accountId", "openid", "source", "status", "subscribeTime", "subscribeScene", "qrScene", "listedAt", "createdAt", "updatedAt")
       VALUES ${valuesList(part.length, 11)}
       ON CONFLICT ("accountId", "openid") DO UPDATE SET "subscribeTime" = excluded."subscribeTime", "subscribeScene" = excluded."subscribeScene",
         "qrScene" = excluded."qrScene", "listedAt" = excluded."listedAt"`,
      part.flatMap((f) => [
        newFollowerId(), accountId, f.openid, "backfilled", "following",
        f.subscribe_time ? timestamp(p, new Date(f.subscribe_time * 1000)) : null, f.subscribe_scene ?? null, f.qr_scene_str || (f.qr_scene ? String(f.qr_scene) : null), at, at, at,
      ]),
    );
  }
}

/** Replays and writes these followers' histories after their synthetic events went in; returns the ledger rows it added, by kind. */
export async function replayAndWrite(session: SqlSession, accountId: string, openids: string[], now: Date) {
  const zones = await loadTimeZones(session, [accountId]);
  const { plans, pendingIds } = await planAccount(session, accountId, openids, zones.get(accountId) ?? "Asia/Shanghai");
  await writeBatch(session, [{ accountId, plans }], pendingIds, now);
  return plans.flatMap((plan) => plan.inserts);
}

/** One transaction, serialized with the attribution worker (PostgreSQL: its advisory lock; SQLite: the write lock). */
export async function inWorkerTransaction<T>(database: PipelineDb, work: (session: SqlSession) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await database.transaction(async (session) => ((await lockWorker(session)) ? { value: await work(session) } : null));
    if (result) return result.value;
    if (attempt >= 200) throw new Error("the attribution worker held its lock for too long");
    await sleep(50); // the worker's batch commits within moments
  }
}

/** Imports the followers WeChat reported as following (subscribe 1); others unfollowed since the list was read. */
export async function importChunk(database: PipelineDb, accountId: string, infos: FollowerInfo[], now = new Date()): Promise<ChunkResult> {
  const following = infos.filter((f) => f.subscribe === 1);
  if (!following.length) return { imported: 0, credited: 0 };
  return inWorkerTransaction(database, async (session) => {
    const at = timestamp(session.provider, now);
    await insertEvents(
      session,
      accountId,
      following.map((f) => {
        const scene = sceneOf(f);
        // A follower with no subscribe_time is imported as of now: it has to sort somewhere.
        return { openid: f.openid, createTime: f.subscribe_time || Math.floor(now.getTime() / 1000), eventKey: scene ? `qrscene_${scene}` : null, event: "backfill" };
      }),
      at,
    );
    const inserted = await replayAndWrite(session, accountId, following.map((f) => f.openid), now);
    await storeProfiles(session, accountId, following, now);
    const backfilled = inserted.filter((row) => row.kind === "backfilled");
    return { imported: backfilled.length, credited: backfilled.filter((row) => row.promoterId).length };
  });
}
