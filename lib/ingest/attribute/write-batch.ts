import { bool, chunks, placeholders, timestamp, valuesList, type SqlSession } from "../pipeline-db/sql-session";
import type { Counters, FollowerPlan } from "./plan-follower";
import { enqueueWebhooks } from "../../webhooks/enqueue-webhooks";
import { enqueueTags } from "../../tags/enqueue-tags";

const ROWS_PER_STATEMENT = 400;
const PROMOTER_COUNTERS = ["newFollowers", "refollows", "unfollows", "scans", "retained7", "backfilled", "qualified"] as const;
const ACCOUNT_COUNTERS = ["newFollowers", "refollows", "organic", "unattributed", "unfollows", "scans", "backfilled"] as const;

type Sums = { accountId: string; promoterId: string | null; day: string; counters: Counters };

/** Adds up every plan's rollup deltas per row, so each rollup row gets one upsert per batch. */
function sumDeltas(accountId: string, plans: FollowerPlan[], into: Map<string, Sums>) {
  for (const plan of plans) {
    for (const d of plan.deltas) {
      const key = `${accountId}\u0000${d.promoterId ?? ""}\u0000${d.day}`;
      const entry = into.get(key) ?? { accountId, promoterId: d.promoterId, day: d.day, counters: {} };
      for (const [name, n] of Object.entries(d.counters)) entry.counters[name as keyof Counters] = (entry.counters[name as keyof Counters] ?? 0) + (n ?? 0);
      into.set(key, entry);
    }
  }
}

async function upsertRollups(session: SqlSession, table: "PromoterDailyStat" | "AccountDailyStat", rows: Sums[]) {
  const isPromoter = table === "PromoterDailyStat";
  const counters = isPromoter ? PROMOTER_COUNTERS : ACCOUNT_COUNTERS;
  const keys = isPromoter ? ["accountId", "promoterId", "day"] : ["accountId", "day"];
  const columns = [...keys, ...counters].map((c) => `"${c}"`).join(", ");
  const updates = counters.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(", ");
  const live = rows.filter((r) => counters.some((c) => r.counters[c]));
  for (const part of chunks(live, ROWS_PER_STATEMENT)) {
    const params = part.flatMap((r) => [...(isPromoter ? [r.accountId, r.promoterId, r.day] : [r.accountId, r.day]), ...counters.map((c) => r.counters[c] ?? 0)]);
    await session.run(
      `INSERT INTO "${table}" (${columns}) VALUES ${valuesList(part.length, keys.length + counters.length)}
       ON CONFLICT (${keys.map((k) => `"${k}"`).join(", ")}) DO UPDATE SET ${updates}`,
      params,
    );
  }
}

/** Writes one batch's plans: followers, new and corrected ledger rows, rollups; marks the events attributed. */
export async function writeBatch(session: SqlSession, planned: { accountId: string; plans: FollowerPlan[] }[], eventIds: number[], now: Date) {
  const p = session.provider;
  const at = timestamp(p, now);
  const ts = (d: Date | null) => (d ? timestamp(p, d) : null);
  const sec = (s: number | null) => (s === null ? null : timestamp(p, new Date(s * 1000)));
  const sums = new Map<string, Sums>();
  for (const { accountId, plans } of planned) {
    const followers = plans.filter((x) => x.follower.changed).map((x) => ({ accountId, ...x.follower }));
    for (const part of chunks(followers, ROWS_PER_STATEMENT)) {
      const params = part.flatMap(({ id, openid, accountId: a, state: s }) => [
        id, a, openid, s.promoterId, s.source, s.firstSceneKey, s.status, sec(s.firstFollowedAt), sec(s.lastFollowedAt), sec(s.unfollowedAt), bool(p, s.retained7), at, at, bool(p, s.qualified),
      ]);
      await session.run(
        `INSERT INTO "Follower" ("id", "accountId", "openid", "promoterId", "source", "firstSceneKey", "status", "firstFollowedAt", "lastFollowedAt", "unfollowedAt", "retained7", "createdAt", "updatedAt", "qualified")
         VALUES ${valuesList(part.length, 14)}
         ON CONFLICT ("id") DO UPDATE SET "promoterId" = excluded."promoterId", "source" = excluded."source", "firstSceneKey" = excluded."firstSceneKey",
           "status" = excluded."status", "firstFollowedAt" = excluded."firstFollowedAt", "lastFollowedAt" = excluded."lastFollowedAt",
           "unfollowedAt" = excluded."unfollowedAt", "retained7" = excluded."retained7", "updatedAt" = excluded."updatedAt", "qualified" = excluded."qualified"`,
        params,
      );
    }
    const inserts = plans.flatMap((x) => x.inserts.map((row) => ({ ...row, followerId: x.follower.id })));
    for (const part of chunks(inserts, ROWS_PER_STATEMENT)) {
      const params = part.flatMap((r) => [accountId, r.eventId, r.followerId, r.promoterId, r.qrCodeId, r.sceneKey, r.kind, ts(r.occurredAt), r.day, r.note, at]);
      await session.run(
        `INSERT INTO "Attribution" ("accountId", "eventId", "followerId", "promoterId", "qrCodeId", "sceneKey", "kind", "occurredAt", "day", "note", "createdAt") VALUES ${valuesList(part.length, 11)}`,
        params,
      );
    }
    for (const u of plans.flatMap((x) => x.updates)) {
      await session.run(`UPDATE "Attribution" SET "kind" = ?, "promoterId" = ?, "qrCodeId" = ?, "reassignedAt" = ? WHERE "id" = ?`, [u.kind, u.promoterId, u.qrCodeId, at, u.id]);
    }
    sumDeltas(accountId, plans, sums);
  }
  const all = [...sums.values()];
  await upsertRollups(session, "PromoterDailyStat", all.filter((r) => r.promoterId));
  await upsertRollups(session, "AccountDailyStat", all.filter((r) => !r.promoterId));
  for (const part of chunks(eventIds, ROWS_PER_STATEMENT)) {
    await session.run(`UPDATE "WechatEvent" SET "attributedAt" = ? WHERE "id" IN (${placeholders(part.length)})`, [at, ...part]);
  }
  await enqueueWebhooks(session, planned, now); // the webhook outbox, in this same transaction
  await enqueueTags(session, planned, now); // WeChat tag jobs (lib/tags), likewise
}
