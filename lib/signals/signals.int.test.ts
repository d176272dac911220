import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { zhCN } from "@/lib/i18n/zh-CN";
import { addDays, dayOf } from "@/lib/stats/day";
import { getLeaderboard } from "@/lib/stats/get-leaderboard";
import { resetDatabase } from "@/test/reset-database";
import { exportSignalEvidence } from "./export-signal-evidence";
import { getSignalBadges } from "./get-signal-badges";
import { getSignalEvidence } from "./get-signal-evidence";
import { listFlaggedPromoters } from "./list-flagged-promoters";
import { refreshSignals, signalWindow } from "./refresh-signals";
import { requestedAccounts, requestSignalRefresh, runSignals } from "./run-scheduled-signals";
import { saveSignalSettings } from "./save-signal-settings";

// Ledger rows written by the real pipeline (stored like the callback stores pushes, then attributed),
// the signals computed from them, stored, shown and re-thresholded.
const H = 3600;
const TZ = "Asia/Shanghai";
const NOON = Date.parse(`${addDays(dayOf(new Date(), TZ), -5)}T04:00:00Z`) / 1000; // 12:00 Beijing time, 5 days ago: inside the window
const NOW = new Date();
const actor = { email: "admin@example.com" };
let accountId = "";
let promoters: string[] = [];

const follow = (openid: string, scene: number, at: number) => ({ accountId, fromUser: openid, createTime: at, event: "subscribe", eventKey: `qrscene_${scene}`, ticket: null });
const unfollow = (openid: string, at: number) => ({ accountId, fromUser: openid, createTime: at, event: "unsubscribe", eventKey: null, ticket: null });

beforeEach(async () => {
  await resetDatabase();
  ({ id: accountId } = await db().account.create({ data: { name: "fraud", appId: "wx00000000000000f1", appSecretEnc: "x", tokenEnc: "x" } }));
  promoters = [];
  for (let i = 1; i <= 4; i++) {
    const p = await db().promoter.create({ data: { accountId, name: `P${i}` } });
    await db().qrCode.create({ data: { accountId, promoterId: p.id, sceneId: i, sceneKey: String(i), status: "active" } });
    promoters.push(p.id);
  }
  const rows = [];
  // P1: 12 new followers an hour apart in the day; 5 unfollow within 24 h (one exactly at 24 h), one after 25 h.
  for (let i = 0; i < 12; i++) rows.push(follow(`q${i}`, 1, NOON + i * 600));
  for (let i = 0; i < 4; i++) rows.push(unfollow(`q${i}`, NOON + i * 600 + 2 * H));
  rows.push(unfollow("q4", NOON + 4 * 600 + 24 * H), unfollow("q5", NOON + 5 * 600 + 25 * H));
  // P2: 12 follows in one minute through its code.
  for (let i = 0; i < 12; i++) rows.push(follow(`b${i}`, 2, NOON + 3 * H + i * 4));
  // P3: 10 follows at 02:00–02:59 Beijing time on different days, 2 at noon.
  for (let i = 0; i < 10; i++) rows.push(follow(`n${i}`, 3, NOON - 10 * H + (i % 3) * 24 * H + i * 300));
  rows.push(follow("n10", 3, NOON + H), follow("n11", 3, NOON + 2 * H));
  // P4: 1 of 2 unfollowed at once: below the minimum sample.
  rows.push(follow("s0", 4, NOON), follow("s1", 4, NOON + 60), unfollow("s0", NOON + 120));
  for (const row of rows) await storeEvent(row);
  await drainAttribution();
});

describe("fraud signals", () => {
  it("flags each promoter for its own signal, with the evidence, and changes no count", async () => {
    const before = await getLeaderboard(accountId, signalWindow(TZ, NOW), { timeZone: TZ, now: NOW });
    const result = await refreshSignals(accountId, { now: NOW });
    expect(result).toMatchObject({ flagged: 3, promoters: 4 });
    const stored = await db().promoterSignal.findMany({ where: { accountId }, orderBy: { promoterId: "asc" } });
    const byId = new Map(stored.map((s) => [s.promoterId, s]));
    expect(byId.get(promoters[0])).toMatchObject({ quickFlag: true, burstFlag: false, nightFlag: false, newFollowers: 12, quickUnfollows: 5 });
    expect(byId.get(promoters[1])).toMatchObject({ quickFlag: false, burstFlag: true, nightFlag: false, burstMinutes: 1, burstFollows: 12 });
    expect(JSON.parse(byId.get(promoters[1])!.worstBursts)).toEqual([{ at: new Date(Math.floor((NOON + 3 * H) / 60) * 60_000).toISOString(), qrCodeId: expect.any(String), sceneKey: "2", count: 12 }]);
    expect(byId.get(promoters[2])).toMatchObject({ nightFlag: true, follows: 12, nightFollows: 10, flagged: true });
    expect(byId.get(promoters[3])).toMatchObject({ flagged: false, newFollowers: 2, quickUnfollows: 1 });

    const after = await getLeaderboard(accountId, signalWindow(TZ, NOW), { timeZone: TZ, now: NOW });
    expect(after).toEqual(before);
    const flagged = await getLeaderboard(accountId, signalWindow(TZ, NOW), { timeZone: TZ, now: NOW, flaggedOnly: true });
    expect(flagged.total).toBe(3);
    expect(flagged.rows.map((r) => [r.promoterId, r.rank])).toEqual(before.rows.filter((r) => r.promoterId !== promoters[3]).map((r) => [r.promoterId, r.rank]));

    const badges = await getSignalBadges(accountId, promoters);
    expect([...badges.badges.keys()].sort()).toEqual(promoters.slice(0, 3).sort());
    expect(badges.badges.get(promoters[2])!.kinds).toEqual(["night"]);
    expect((await listFlaggedPromoters(accountId)).flagged.map((f) => f.name)).toEqual(["P1", "P2", "P3"]);

    const evidence = await getSignalEvidence(accountId, promoters[0], signalWindow(TZ, NOW), TZ);
    expect(evidence.quickUnfollows.map((q) => evidence.openids.get(q.followerId)).sort()).toEqual(["q0", "q1", "q2", "q3", "q4"]);
    const bytes = await (await exportSignalEvidence(accountId, { id: promoters[0], name: "P1" }, signalWindow(TZ, NOW), TZ, zhCN)).arrayBuffer();
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(csv.split("\r\n")[0]).toBe("\uFEFF信号,时间,取关时间,openid,场景值,次数"); // BOM: Excel reads the Chinese right
    const day = addDays(dayOf(new Date(), TZ), -5);
    expect(csv).toContain(`快速取关,${day} 12:00:00,${day} 14:00:00,q0,1,1`);
  });

  it("recomputes with new thresholds at once, audited; bad thresholds change nothing", async () => {
    await refreshSignals(accountId, { now: NOW });
    await expect(saveSignalSettings(accountId, { quickUnfollowPct: "30", minSample: "10", burstPerMinute: "abc", nightStartHour: "0", nightEndHour: "6", nightPct: "50" }, actor)).rejects.toThrow();
    expect(await db().signalSettings.count()).toBe(0);
    await saveSignalSettings(accountId, { quickUnfollowPct: "50", minSample: "2", burstPerMinute: "12", nightStartHour: "1", nightEndHour: "2", nightPct: "50" }, actor);
    expect(await requestedAccounts()).toEqual([{ accountId, requestedAt: expect.any(Date) }]);
    expect((await db().promoterSignal.count({ where: { flagged: true } }))).toBe(3); // not yet recomputed
    expect(await runSignals({ holder: "me", all: false })).toMatchObject({ leased: true, accounts: [{ accountId, flagged: 0 }] });
    expect(await requestedAccounts()).toEqual([]);
    const stored = new Map((await db().promoterSignal.findMany({ where: { accountId } })).map((s) => [s.promoterId, s]));
    expect(stored.get(promoters[0])!.quickFlag).toBe(false); // 5 of 12 is not above 50 %
    expect(stored.get(promoters[1])!.burstFlag).toBe(false); // 12 in a minute is not more than 12
    expect(stored.get(promoters[2])!.nightFlag).toBe(false); // 02:xx is outside 01:00–02:00
    expect(stored.get(promoters[3])!.quickFlag).toBe(false); // 1 of 2 is exactly 50 %
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "signals.settings" } });
    expect(JSON.parse(audit.detail!)).toMatchObject({ quickUnfollowPct: 50, burstPerMinute: 12, changed: expect.arrayContaining(["burstPerMinute"]) });
  });

  it("lets one instance at a time recompute, and keeps a request made while it ran", async () => {
    expect(await runSignals({ holder: "a", all: false })).toEqual({ leased: true, accounts: [] }); // nothing asked
    expect(await runSignals({ holder: "a", all: true })).toMatchObject({ leased: true, accounts: [{ accountId, flagged: 3 }] });
    await requestSignalRefresh(accountId);
    expect(await runSignals({ holder: "b", all: false })).toEqual({ leased: false, accounts: [] });
    expect(await requestedAccounts()).toHaveLength(1);
    await requestSignalRefresh(accountId, new Date(Date.now() + 60_000)); // asked again after the run starts
    await runSignals({ holder: "a", all: false });
    expect(await requestedAccounts()).toHaveLength(1);
  });
});
