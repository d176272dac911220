import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { findSelfServicePromoter } from "./find-self-service-promoter";
import { getSelfServicePage } from "./get-self-service-page";
import { hashSelfServiceToken } from "./self-service-token";
import { ensureSelfServiceLink, PromoterNotFoundError, rotateSelfServiceLink, setSelfServiceEnabled } from "./manage-self-service-link";

const actor = { email: "ops@example.com" };
const now = new Date("2026-11-21T04:00:00Z"); // 2026-11-21 in Shanghai; the 30 days start 2026-10-23

async function seed() {
  const account = await db().account.create({ data: { name: "一号公众号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
  const promoter = async (name: string, active = true) => db().promoter.create({ data: { accountId: account.id, name, active } });
  const [me, rival, tied, idle, retired] = [await promoter("我"), await promoter("对手甲"), await promoter("对手乙"), await promoter("对手丙"), await promoter("已停用", false)];
  await db().qrCode.create({ data: { accountId: account.id, promoterId: me.id, kind: "QR_LIMIT_SCENE", sceneId: 1, sceneKey: "1", url: "http://weixin.qq.com/q/me", status: "active" } });
  const stat = (promoterId: string, day: string, newFollowers: number, unfollows = 0, scans = 0) =>
    db().promoterDailyStat.create({ data: { accountId: account.id, promoterId, day, newFollowers, unfollows, scans } });
  await stat(me.id, "2026-11-20", 4, 1, 7);
  await stat(me.id, "2026-09-01", 10, 2, 3); // outside the last 30 days
  await stat(rival.id, "2026-11-19", 9);
  await stat(tied.id, "2026-11-01", 4);
  await stat(retired.id, "2026-11-02", 50); // inactive promoters do not count towards the rank
  return { account, me, rival, tied, idle, retired };
}

beforeEach(resetDatabase);

describe("private link management", () => {
  it("creates one 256-bit token on first use, even for concurrent clicks, shown once and audited once", async () => {
    const { account, me } = await seed();
    const results = await Promise.all([1, 2, 3].map(() => ensureSelfServiceLink(account.id, me.id, actor)));
    const shown = results.map((r) => r.token).filter((t): t is string => t !== null);
    expect(shown).toHaveLength(1); // the one call that created it; the others learn only that it exists
    const token = shown[0];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(results.every((r) => r.hasLink)).toBe(true);
    expect((await ensureSelfServiceLink(account.id, me.id, actor)).token).toBeNull();
    expect((await getSelfServicePage(token, now))?.promoterName).toBe("我");
    expect(await db().auditLog.count({ where: { action: "selfservice.create", targetId: me.id } })).toBe(1);
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "selfservice.create" } })).detail ?? "").not.toContain(token);
  });

  it("stores only the token's hash: the database holds no working link", async () => {
    const { account, me } = await seed();
    const { token } = await ensureSelfServiceLink(account.id, me.id, actor);
    const row = await db().promoter.findUniqueOrThrow({ where: { id: me.id }, omit: { selfServiceTokenHash: false } });
    expect(row.selfServiceTokenHash).toBe(hashSelfServiceToken(token!));
    expect(JSON.stringify(row)).not.toContain(token!);
    expect(await getSelfServicePage(row.selfServiceTokenHash!.slice(0, 43), now)).toBeNull();
    expect(await db().promoter.findUniqueOrThrow({ where: { id: me.id } })).not.toHaveProperty("selfServiceTokenHash");
  });

  it("rotating kills the old link at once", async () => {
    const { account, me } = await seed();
    const { token: old } = await ensureSelfServiceLink(account.id, me.id, actor);
    const { token: fresh } = await rotateSelfServiceLink(account.id, me.id, actor);
    expect(fresh).not.toBe(old);
    expect(await getSelfServicePage(old!, now)).toBeNull();
    expect(await findSelfServicePromoter(old!)).toBeNull();
    expect((await getSelfServicePage(fresh!, now))?.promoterName).toBe("我");
    expect(await db().auditLog.count({ where: { action: "selfservice.rotate" } })).toBe(1);
  });

  it("disabling hides the page and enabling brings the same link back", async () => {
    const { account, me } = await seed();
    const { token } = await ensureSelfServiceLink(account.id, me.id, actor);
    await setSelfServiceEnabled(account.id, me.id, false, actor);
    expect(await getSelfServicePage(token!, now)).toBeNull();
    await setSelfServiceEnabled(account.id, me.id, false, actor);
    await setSelfServiceEnabled(account.id, me.id, true, actor);
    expect(await getSelfServicePage(token!, now)).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: { in: ["selfservice.disable", "selfservice.enable"] } } })).toBe(2);
  });

  it("hides the page of an inactive promoter, and refuses another account's promoter", async () => {
    const { account, retired } = await seed();
    const { token } = await ensureSelfServiceLink(account.id, retired.id, actor);
    expect(await getSelfServicePage(token!, now)).toBeNull();
    await expect(ensureSelfServiceLink("other-account", retired.id, actor)).rejects.toBeInstanceOf(PromoterNotFoundError);
  });

  it("returns null for malformed and unknown tokens", async () => {
    await seed();
    expect(await getSelfServicePage("", now)).toBeNull();
    expect(await getSelfServicePage("short", now)).toBeNull();
    expect(await getSelfServicePage("A".repeat(43), now)).toBeNull();
    expect(await getSelfServicePage(`${"A".repeat(42)}%`, now)).toBeNull();
  });
});

describe("getSelfServicePage", () => {
  it("holds only this promoter's counts, trend and rank", async () => {
    const { account, me, rival, tied, idle } = await seed();
    const { token } = await ensureSelfServiceLink(account.id, me.id, actor);
    const page = (await getSelfServicePage(token!, now))!;
    expect(page).toMatchObject({ accountName: "一号公众号", promoterName: "我", hasQr: true, range: { from: "2026-10-23", to: "2026-11-21" } });
    expect(page.recent).toEqual({ newFollowers: 4, refollows: 0, unfollows: 1, net: 3, scans: 7, backfilled: 0 });
    expect(page.allTime).toEqual({ newFollowers: 14, refollows: 0, unfollows: 3, net: 11, scans: 10, backfilled: 0 });
    expect(page.rank).toEqual({ rank: 2, total: 4 }); // behind 对手甲 (9), tied with 对手乙 (4); 已停用 is not counted
    expect(page.trend).toHaveLength(30);
    expect(page.trend.find((p) => p.day === "2026-11-20")).toMatchObject({ newFollowers: 4, unfollows: 1 });
    expect(page.trend.reduce((sum, p) => sum + p.newFollowers, 0)).toBe(4);
    const json = JSON.stringify(page);
    for (const other of [rival, tied, idle]) {
      expect(json).not.toContain(other.id);
      expect(json).not.toContain(other.name);
    }
    expect(json).not.toContain(me.id);
    expect(json).not.toContain("weixin.qq.com");
  });

  it("shows a team lead their team's totals, rank among teams and members, and nothing of other teams", async () => {
    const { account, me, rival, tied, idle, retired } = await seed();
    const mine = await db().team.create({ data: { accountId: account.id, name: "东区", leadId: me.id } });
    const theirs = await db().team.create({ data: { accountId: account.id, name: "西区" } });
    await db().promoter.updateMany({ where: { id: { in: [me.id, tied.id, retired.id] } }, data: { teamId: mine.id } });
    await db().promoter.updateMany({ where: { id: { in: [rival.id, idle.id] } }, data: { teamId: theirs.id } });
    const { token } = await ensureSelfServiceLink(account.id, me.id, actor);
    const { lead } = (await getSelfServicePage(token!, now))!;
    // 东区: 我 4 + 对手乙 4 + 已停用 50 (a member's history counts for the team) = 58 against 西区's 9.
    expect(lead).toMatchObject({ teamName: "东区", teamRank: 1, teams: 2, memberCount: 3, totals: { members: 3, newFollowers: 58, unfollows: 1, net: 57, scans: 7 } });
    expect(lead!.members.map((m) => [m.rank, m.name, m.newFollowers, m.isLead, m.active])).toEqual([
      [1, "已停用", 50, false, false],
      [2, "我", 4, true, true],
      [3, "对手乙", 4, false, true], // ranked as on the dashboard's leaderboard: ties in the order promoters were added
    ]);
    const json = JSON.stringify(lead);
    for (const other of [rival, idle]) expect(json).not.toContain(other.name);
    expect(json).not.toContain("西区");
    for (const id of [me.id, tied.id, retired.id]) expect(json).not.toContain(id);

    // A member who is not the lead sees no team card.
    const { token: memberToken } = await ensureSelfServiceLink(account.id, tied.id, actor);
    expect((await getSelfServicePage(memberToken!, now))!.lead).toBeNull();
  });

  it("says when the code is not ready", async () => {
    const { account, tied } = await seed();
    const { token } = await ensureSelfServiceLink(account.id, tied.id, actor);
    expect(await getSelfServicePage(token!, now)).toMatchObject({ hasQr: false, rank: { rank: 2, total: 4 } });
  });
});
