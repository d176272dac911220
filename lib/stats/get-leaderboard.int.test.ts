import { beforeEach, describe, expect, it } from "vitest";
import { recordEvent } from "@/lib/attribution/record-event";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { dayOf } from "./day";
import { getDailyTrend } from "./get-daily-trend";
import { getLeaderboard } from "./get-leaderboard";

const DAY = 86400;
const now = Math.floor(Date.now() / 1000);
let account: { id: string; timezone: string };
const promoter: Record<string, string> = {};

async function follow(openid: string, scene: string, at: number) {
  await recordEvent(account, { fromUser: openid, createTime: at, event: "subscribe", eventKey: `qrscene_${scene}`, scene, ticket: null });
}
async function unfollow(openid: string, at: number) {
  await recordEvent(account, { fromUser: openid, createTime: at, event: "unsubscribe", eventKey: null, scene: null, ticket: null });
}

beforeEach(async () => {
  await resetDatabase();
  const a = await db().account.create({ data: { name: "号", appId: "wx3333333333333333", appSecretEnc: "x", token: "t" } });
  account = { id: a.id, timezone: a.timezone };
  for (const [name, scene] of [["A", "1"], ["B", "2"], ["C", "3"]]) {
    const p = await db().promoter.create({ data: { accountId: a.id, name } });
    await db().qrCode.create({ data: { accountId: a.id, promoterId: p.id, sceneId: Number(scene), sceneKey: scene, status: "active" } });
    promoter[name] = p.id;
  }
});

describe("leaderboard", () => {
  it("ranks by any metric over a range, with 7-day retention of mature followers only", async () => {
    // A: 4 followers 20 days ago, one left on day 2 → 75 %; one fresh follower (not yet 7 days) ignored for retention.
    for (let i = 0; i < 4; i++) await follow(`a${i}`, "1", now - 20 * DAY + i);
    await unfollow("a0", now - 18 * DAY);
    await follow("a-fresh", "1", now - DAY);
    // B: 2 followers 15 days ago, both stayed → 100 %; C: nothing.
    for (let i = 0; i < 2; i++) await follow(`b${i}`, "2", now - 15 * DAY + i);
    const range = { from: dayOf(new Date((now - 29 * DAY) * 1000)), to: dayOf(new Date(now * 1000)) };

    const byNew = await getLeaderboard(account.id, range, "newFollowers");
    expect(byNew.map((r) => [r.name, r.newFollowers, r.unfollows, r.net])).toEqual([["A", 5, 1, 4], ["B", 2, 0, 2], ["C", 0, 0, 0]]);
    expect(byNew.find((r) => r.name === "A")?.retention7).toBeCloseTo(0.75);
    expect(byNew.find((r) => r.name === "C")?.retention7).toBeNull();

    const byRetention = await getLeaderboard(account.id, range, "retention7");
    expect(byRetention.map((r) => r.name)).toEqual(["B", "A", "C"]);
    expect(byRetention.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it("counts only the range's days, in the account's time zone", async () => {
    await follow("x1", "1", now - 40 * DAY);
    await follow("x2", "1", now - 2 * DAY);
    const range = { from: dayOf(new Date((now - 6 * DAY) * 1000)), to: dayOf(new Date(now * 1000)) };
    expect((await getLeaderboard(account.id, range)).find((r) => r.name === "A")?.newFollowers).toBe(1);
    const trend = await getDailyTrend(account.id, range, promoter.A);
    expect(trend).toHaveLength(7);
    expect(trend.reduce((n, p) => n + p.newFollowers, 0)).toBe(1);
  });
});
