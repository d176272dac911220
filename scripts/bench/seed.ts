// Synthetic data for the benchmarks, written with createMany in chunks. Deterministic (seeded PRNG).
import { sealAccountSecrets } from "../../lib/accounts/account-secrets";
import { db } from "../../lib/db";
import type { TrackedEvent } from "../../lib/attribution/record-event";
import { addDays, dayStart } from "../../lib/stats/day";
import { random } from "../demo/demo-shape";

const CHUNK = 1000;
export const TIME_ZONE = "Asia/Shanghai";

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function createAccount(label: string) {
  const appId = `wx${label.padEnd(16, "0").slice(0, 16)}`;
  return db().account.create({
    // The callback opens the Token with the worker's AUTH_SECRET, which the app under test shares.
    data: { name: `bench ${label}`, appId, appSecretEnc: "bench", ...sealAccountSecrets({ token: "bench" }), timezone: TIME_ZONE },
    select: { id: true, timezone: true },
  });
}

/** n promoters, each with one permanent code whose scene is its 1-based index; returns ids and scenes. */
export async function seedPromoters(accountId: string, n: number) {
  const created = Date.now() - n * 1000;
  const promoters = Array.from({ length: n }, (_, i) => ({
    id: `${accountId}_p${i + 1}`,
    accountId,
    name: `推广者 ${i + 1}`,
    phone: `138${String(i + 1).padStart(8, "0")}`,
    createdAt: new Date(created + i * 1000),
  }));
  await inChunks(promoters, (data) => db().promoter.createMany({ data }));
  const codes = promoters.map((p, i) => ({
    accountId,
    promoterId: p.id,
    kind: "QR_LIMIT_SCENE",
    sceneId: i + 1,
    sceneKey: String(i + 1),
    status: "active",
    url: `http://weixin.qq.com/q/bench${i + 1}`,
    createdAt: p.createdAt,
  }));
  await inChunks(codes, (data) => db().qrCode.createMany({ data }));
  return promoters.map((p, i) => ({ id: p.id, scene: String(i + 1) }));
}

/** `activeDays` distinct days of rollups per promoter, within the range. */
export async function seedDailyStats(accountId: string, promoterIds: string[], range: { from: string; days: number }, activeDays: number) {
  const next = random(1);
  const rows = promoterIds.flatMap((promoterId) => {
    const days = new Set<number>();
    while (days.size < activeDays) days.add(Math.floor(next() * range.days));
    return [...days].map((d) => ({
      accountId,
      promoterId,
      day: addDays(range.from, d),
      newFollowers: 1 + Math.floor(next() * 20),
      refollows: Math.floor(next() * 3),
      unfollows: Math.floor(next() * 5),
      scans: Math.floor(next() * 40),
    }));
  });
  await inChunks(rows, (data) => db().promoterDailyStat.createMany({ data }));
  return rows.length;
}

/** n QR followers spread over the promoters and the range, most old enough for 7-day retention. */
export async function seedFollowers(accountId: string, promoterIds: string[], range: { from: string; days: number }, n: number) {
  const next = random(2);
  const start = dayStart(range.from, TIME_ZONE).getTime();
  const rows = Array.from({ length: n }, (_, i) => {
    const firstFollowedAt = new Date(start + Math.floor(next() * range.days * 86400_000));
    const retained = next() < 0.8;
    return {
      accountId,
      openid: `o_seed_${i}`,
      promoterId: promoterIds[Math.floor(next() * promoterIds.length)],
      source: "qr",
      status: retained ? "following" : "unfollowed",
      firstFollowedAt,
      lastFollowedAt: firstFollowedAt,
      unfollowedAt: retained ? null : new Date(firstFollowedAt.getTime() + 3 * 86400_000),
      retained7: retained,
      qualified: retained, // the unfollow lands exactly 3 days on: not qualified under the default N
    };
  });
  await inChunks(rows, (data) => db().follower.createMany({ data }));
}

/** n first-follow subscribe events from distinct openids, round-robin over the scenes, spread over 30 days. */
export function subscribeEvents(n: number, scenes: string[], openidPrefix: string, now = Date.now()): TrackedEvent[] {
  const start = Math.floor(now / 1000) - 30 * 86400;
  const step = Math.floor((30 * 86400) / n);
  return Array.from({ length: n }, (_, i) => {
    const scene = scenes[i % scenes.length];
    return { fromUser: `${openidPrefix}${i}`, createTime: start + i * step, event: "subscribe", eventKey: `qrscene_${scene}`, scene, ticket: `ticket_${scene}` };
  });
}
