import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { addDays, dayOf } from "./day";
import { getDailyTrend } from "./get-daily-trend";
import { getLeaderboard } from "./get-leaderboard";

// The leaderboard reads the daily rollups only, so the tests write rollups as ingestion would.
const TZ = "Asia/Shanghai";
const now = new Date();
const today = dayOf(now, TZ);
const ago = (n: number) => addDays(today, -n);
let accountId: string;
const promoter: Record<string, string> = {};

type Counts = Partial<Record<"newFollowers" | "refollows" | "unfollows" | "scans" | "retained7", number>>;
async function stat(name: string, day: string, counts: Counts) {
  await db().promoterDailyStat.create({ data: { accountId, promoterId: promoter[name], day, ...counts } });
}

beforeEach(async () => {
  await resetDatabase();
  const a = await db().account.create({ data: { name: "号", appId: "wx3333333333333333", appSecretEnc: "x", tokenEnc: "x" } });
  accountId = a.id;
  let created = Date.now() - 10_000;
  for (const [name, scene] of [["A", "1"], ["B", "2"], ["C", "3"], ["D_%", "40"]]) {
    const p = await db().promoter.create({ data: { accountId, name, createdAt: new Date((created += 1000)) } });
    await db().qrCode.create({ data: { accountId, promoterId: p.id, sceneId: Number(scene), sceneKey: scene, status: "active" } });
    promoter[name] = p.id;
  }
});

describe("leaderboard", () => {
  it("ranks by any metric over a range, with 7-day retention of mature days only", async () => {
    // A: 4 followers 20 days ago, 3 still there after 7 days → 75 %; one follower yesterday (not mature) ignored.
    await stat("A", ago(20), { newFollowers: 4, retained7: 3 });
    await stat("A", ago(18), { unfollows: 1, scans: 2 });
    await stat("A", ago(1), { newFollowers: 1, refollows: 1 });
    // B: 2 followers 15 days ago, both stayed → 100 %; C and D: nothing.
    await stat("B", ago(15), { newFollowers: 2, retained7: 2 });
    const range = { from: ago(29), to: today };

    const byNew = await getLeaderboard(accountId, range, { sort: "newFollowers", timeZone: TZ });
    expect(byNew.total).toBe(4);
    expect(byNew.rows.map((r) => [r.name, r.newFollowers, r.refollows, r.unfollows, r.net, r.scans])).toEqual([
      ["A", 5, 1, 1, 4, 2], ["B", 2, 0, 0, 2, 0], ["C", 0, 0, 0, 0, 0], ["D_%", 0, 0, 0, 0, 0],
    ]);
    expect(byNew.rows[0]).toMatchObject({ promoterId: promoter.A, sceneKey: "1", active: true, rank: 1 });
    expect(byNew.rows[0].retention7).toBeCloseTo(0.75);
    expect(byNew.rows[2].retention7).toBeNull();

    const byRetention = await getLeaderboard(accountId, range, { sort: "retention7", timeZone: TZ });
    expect(byRetention.rows.map((r) => [r.name, r.rank])).toEqual([["B", 1], ["A", 2], ["C", 3], ["D_%", 4]]);
    const byNet = await getLeaderboard(accountId, range, { sort: "net", timeZone: TZ });
    expect(byNet.rows.map((r) => r.name)).toEqual(["A", "B", "C", "D_%"]);
  });

  it("counts a day toward retention once it ended 7 days ago (day granularity)", async () => {
    await stat("A", ago(7), { newFollowers: 2, retained7: 1 });
    await stat("A", ago(8), { newFollowers: 2, retained7: 2 });
    const { rows } = await getLeaderboard(accountId, { from: ago(8), to: today }, { timeZone: TZ, now });
    // Today minus 7 days has not ended 7 days ago yet; the day before it has.
    expect(rows[0].retention7).toBe(1);
    expect((await getLeaderboard(accountId, { from: ago(7), to: today }, { timeZone: TZ, now })).rows[0].retention7).toBeNull();
  });

  it("searches and pages in the database, keeping each promoter's rank on the whole board", async () => {
    await stat("C", ago(2), { newFollowers: 9 });
    await stat("B", ago(2), { newFollowers: 5 });
    const range = { from: ago(6), to: today };
    const page2 = await getLeaderboard(accountId, range, { limit: 2, offset: 2 });
    expect(page2).toMatchObject({ total: 4, rows: [{ name: "A", rank: 3 }, { name: "D_%", rank: 4 }] });
    expect((await getLeaderboard(accountId, range, { q: "B" })).rows.map((r) => [r.name, r.rank])).toEqual([["B", 2]]);
    expect((await getLeaderboard(accountId, range, { q: "3" })).rows.map((r) => r.name)).toEqual(["C"]);
    // LIKE wildcards in the search are literal.
    expect((await getLeaderboard(accountId, range, { q: "_%" })).rows.map((r) => r.name)).toEqual(["D_%"]);
    expect((await getLeaderboard(accountId, range, { q: "%" })).total).toBe(1);
    expect(await getLeaderboard(accountId, range, { offset: 50 })).toEqual({ rows: [], total: 4 });
  });

  it("counts only the range's days", async () => {
    await stat("A", ago(40), { newFollowers: 1 });
    await stat("A", ago(2), { newFollowers: 1 });
    const range = { from: ago(6), to: today };
    expect((await getLeaderboard(accountId, range)).rows.find((r) => r.name === "A")?.newFollowers).toBe(1);
    const trend = await getDailyTrend(accountId, range, { promoterId: promoter.A });
    expect(trend).toHaveLength(7);
    expect(trend.reduce((n, p) => n + p.newFollowers, 0)).toBe(1);
  });

  it("charts a team's days from its current members' rollups", async () => {
    const team = await db().team.create({ data: { accountId, name: "东区" } });
    await db().promoter.updateMany({ where: { id: { in: [promoter.A, promoter.B] } }, data: { teamId: team.id } });
    await stat("A", ago(2), { newFollowers: 3, unfollows: 1, scans: 4 });
    await stat("B", ago(2), { newFollowers: 2 });
    await stat("B", ago(1), { newFollowers: 1, scans: 1 });
    await stat("C", ago(2), { newFollowers: 50 }); // not in the team
    const range = { from: ago(3), to: today };
    const trend = await getDailyTrend(accountId, range, { teamId: team.id });
    expect(trend.map((p) => [p.day, p.newFollowers, p.unfollows, p.net, p.scans])).toEqual([
      [ago(3), 0, 0, 0, 0],
      [ago(2), 5, 1, 4, 4],
      [ago(1), 1, 0, 1, 1],
      [today, 0, 0, 0, 0],
    ]);
    const other = await db().team.create({ data: { accountId, name: "空队" } });
    expect((await getDailyTrend(accountId, range, { teamId: other.id })).every((p) => p.newFollowers === 0)).toBe(true);
  });
});
