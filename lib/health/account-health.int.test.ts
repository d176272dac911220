import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { addDays, dayOf } from "@/lib/stats/day";
import { getDayComparison } from "@/lib/stats/get-day-comparison";
import { getLeaderboard } from "@/lib/stats/get-leaderboard";
import { createPermanentQrCode } from "@/lib/wechat/create-qrcode";
import { startSimulator, type RunningSimulator } from "@/lib/wechat/simulator/start-simulator";
import { resetDatabase } from "@/test/reset-database";
import { getHealthReport } from "./get-health-report";
import { getQrcodeQuota, QRCODE_CREATE, QUOTA_CACHE_MS } from "./get-qrcode-quota";

const APP_ID = "wx0000000000cockpt";
const SECRET = "0123456789abcdef0123456789abcdef";
const QUOTA = "/cgi-bin/openapi/quota/get";
let simulator: RunningSimulator;
let ours = "";
let theirs = "";

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appId: APP_ID, secret: SECRET }] });
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await resetDatabase();
  simulator.state.reset();
  simulator.state.invalidateTokens();
  ours = (await db().account.create({ data: { name: "甲", appId: APP_ID, appSecretEnc: sealSecret(SECRET, authSecret()), tokenEnc: "x", mode: "safe" } })).id;
  theirs = (await db().account.create({ data: { name: "乙", appId: "wx00000000000other", appSecretEnc: "x", tokenEnc: "x" } })).id;
});

describe("the qrcode/create quota", () => {
  it("reads today's use from WeChat, caches it for 10 minutes, and counts the codes we created", async () => {
    for (const scene of [1, 2]) await createPermanentQrCode(ours, scene);
    const first = await getQrcodeQuota(ours);
    expect(first).toMatchObject({ cgiPath: QRCODE_CREATE, figures: { dailyLimit: 100_000, used: 2, remain: 99_998 }, error: null });
    const calls = simulator.state.callCount(QUOTA);
    await getQrcodeQuota(ours); // cached
    expect(simulator.state.callCount(QUOTA)).toBe(calls);
    await getQrcodeQuota(ours, { now: new Date(Date.now() + QUOTA_CACHE_MS + 1000) }); // stale: asked again
    expect(simulator.state.callCount(QUOTA)).toBe(calls + 1);
  });

  it("shows WeChat's error with its hint and keeps the last good figures (45009, then -1 after the retries)", async () => {
    const good = await getQrcodeQuota(ours);
    simulator.state.failNext(45009, 1, QUOTA);
    const stale = { now: new Date(Date.now() + QUOTA_CACHE_MS + 1000) };
    const quota = await getQrcodeQuota(ours, stale);
    expect(quota.error).toMatchObject({ errcode: 45009, hint: { zh: expect.stringContaining("北京时间零点"), en: expect.stringContaining("quota") } });
    expect(quota.figures).toEqual(good.figures);
    simulator.state.failNext(-1, 3, QUOTA); // the first try and both busy retries
    expect((await getQrcodeQuota(ours, { now: new Date(Date.now() + 2 * QUOTA_CACHE_MS) })).error).toMatchObject({ errcode: -1, hint: { en: "WeChat is busy. Try again in a moment." } });
    expect((await getQrcodeQuota(ours, { now: new Date(Date.now() + 3 * QUOTA_CACHE_MS) })).error).toBeNull(); // recovers
  });
});

describe("the account's health report", () => {
  it("notes a failed token refresh with its hint, and lists the warnings of this account only", async () => {
    await db().account.update({ where: { id: ours }, data: { appSecretEnc: sealSecret("f".repeat(32), authSecret()) } });
    const report = await getHealthReport(ours);
    expect(report!.token).toMatchObject({ expiresInS: null, lastError: { errcode: 40125, resolved: false, hint: { en: expect.stringContaining("AppSecret") } } });
    expect(report!.quota.error?.errcode).toBe(40125);
    expect(report!.warnings).toContain("token_error");
    expect(report!.warnings).not.toContain("safe_mode_off"); // this account is in safe mode; the other one is not
    expect((await getHealthReport(theirs, { cachedQuota: true }))!.warnings).toEqual(["safe_mode_off"]);
    expect(await getHealthReport("nope")).toBeNull();
  });

  it("warns of a day without pushes while codes are active", async () => {
    await db().qrCode.create({ data: { accountId: ours, sceneId: 7, sceneKey: "7", status: "active" } });
    await db().qrCode.create({ data: { accountId: ours, kind: "QR_SCENE", sceneId: 8, sceneKey: "8", status: "active", expiresAt: new Date() } });
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    const report = await getHealthReport(ours, { cachedQuota: true, now: tomorrow });
    expect(report!.warnings[0]).toBe("no_push_24h");
    expect(report!.codes).toMatchObject({ permanentCreated: 1, permanentLimit: 100_000, activeCodes: 1 });
    expect((await getHealthReport(theirs, { cachedQuota: true, now: tomorrow }))!.warnings).not.toContain("no_push_24h");
  });
});

describe("the cockpit's day figures", () => {
  it("compares today with yesterday and the same weekday last week, for the selected account only", async () => {
    const now = new Date("2026-03-10T01:00:00Z"); // 09:00 in Shanghai, 2026-03-09 20:00 in New York
    const today = dayOf(now, "Asia/Shanghai");
    const stat = (accountId: string, day: string, n: number) => ({ accountId, day, newFollowers: n, unfollows: 1, scans: n * 2 });
    await db().accountDailyStat.createMany({
      data: [stat(ours, today, 5), stat(ours, addDays(today, -1), 3), stat(ours, addDays(today, -7), 8), stat(theirs, today, 100)],
    });
    expect(await getDayComparison(ours, "Asia/Shanghai", now)).toEqual({
      days: { today: "2026-03-10", yesterday: "2026-03-09", lastWeek: "2026-03-03" },
      today: { newFollowers: 5, net: 4, unfollows: 1, scans: 10 },
      yesterday: { newFollowers: 3, net: 2, unfollows: 1, scans: 6 },
      lastWeek: { newFollowers: 8, net: 7, unfollows: 1, scans: 16 },
    });
    // The day is the account's: in New York it is still the 9th.
    expect((await getDayComparison(ours, "America/New_York", now)).today).toMatchObject({ newFollowers: 3 });
  });

  it("ranks today's top 5 promoters in the database", async () => {
    const day = dayOf(new Date(), "Asia/Shanghai");
    for (let i = 1; i <= 7; i++) {
      const p = await db().promoter.create({ data: { accountId: ours, name: `推广者${i}` } });
      await db().promoterDailyStat.create({ data: { accountId: ours, promoterId: p.id, day, newFollowers: i } });
    }
    const top = await getLeaderboard(ours, { from: day, to: day }, { limit: 5 });
    expect(top.rows.map((r) => r.newFollowers)).toEqual([7, 6, 5, 4, 3]);
    expect(top.total).toBe(7);
  });
});
