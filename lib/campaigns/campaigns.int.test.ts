import { beforeEach, describe, expect, it } from "vitest";
import { recordEvent, type TrackedEvent } from "../attribution/record-event";
import { db } from "../db";
import { createPromoter } from "../promoters/create-promoter";
import { controlSimulator } from "../wechat/simulator/control-simulator";
import { assignTeam } from "../teams/assign-team";
import { createTeam } from "../teams/save-team";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { createCampaignCodes } from "./create-campaign-codes";
import { enrolPermanentCodes, removeCampaignCodes } from "./enrol-codes";
import { getCampaignBoard } from "./get-campaign-board";
import { getCampaignSummary } from "./get-campaign-summary";
import { listCampaignCards } from "./list-campaign-cards";
import { createCampaign, deleteCampaign, updateCampaign } from "./save-campaign";

const sim = simulatorForTests();
const actor = { email: "ops@example.com" };
let account: { id: string; timezone: string };
const p: Record<string, string> = {};

// Unix seconds at Beijing noon of a November 2026 day.
const at = (day: number, minute = 0) => Date.UTC(2026, 10, day, 4, minute) / 1000;
const follow = (openid: string, scene: string, createTime: number): TrackedEvent => ({ fromUser: openid, createTime, event: "subscribe", eventKey: `qrscene_${scene}`, scene, ticket: null });
const unfollow = (openid: string, createTime: number): TrackedEvent => ({ fromUser: openid, createTime, event: "unsubscribe", eventKey: null, scene: null, ticket: null });
const scan = (openid: string, scene: string, createTime: number): TrackedEvent => ({ fromUser: openid, createTime, event: "SCAN", eventKey: scene, scene, ticket: null });
const send = async (...events: TrackedEvent[]) => {
  for (const e of events) await recordEvent(account, e);
};
const window = { name: "双十一", startDay: "2026-11-05", endDay: "2026-11-11", target: "10" };

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  const created = await createTestAccount("wx2222333344445555");
  account = { id: created.id, timezone: created.timezone };
  for (const name of ["张三", "李四", "王五"]) p[name] = (await createPromoter(account.id, { name }, actor)).promoterId; // scenes 1, 2, 3
});

describe("campaigns", () => {
  it("count follows through their codes inside the window, and show the ones outside apart", async () => {
    const c = await createCampaign(account.id, window, actor);
    expect(await enrolPermanentCodes(account.id, c.id, { promoterIds: [p["张三"], p["李四"]] }, actor)).toBe(2);
    await send(
      follow("o-before", "1", at(4)), // before the window: outside
      follow("o1", "1", at(5)), follow("o2", "1", at(6)), follow("o3", "2", at(7)),
      scan("o1", "1", at(8)), scan("o-before", "1", at(12)), // the second scan is after the window
      unfollow("o2", at(9)), // one of the campaign's new followers leaves inside the window
      follow("o2", "2", at(10)), // and comes back through 李四's code: a re-follow
      unfollow("o3", at(13)), // leaves after the window: not the campaign's loss
      follow("o4", "3", at(6)), // 王五's code is not enrolled
      follow("o5", "2", at(12)), // after the window
    );
    const board = await getCampaignBoard(account.id, c);
    expect(board.total).toBe(2);
    expect(board.rows.map((r) => [r.rank, r.name, r.newFollowers, r.refollows, r.scans, r.unfollows, r.net, r.outsideFollows, r.outsideScans])).toEqual([
      [1, "张三", 2, 0, 1, 1, 1, 1, 1],
      [2, "李四", 1, 1, 0, 0, 1, 1, 0],
    ]);
    expect((await getCampaignBoard(account.id, c, { sort: "refollows" })).rows[0].name).toBe("李四");
    // 有效关注 (N = 3): o1 stays; o2 left exactly 3 days after following (not qualified); o3 left after 6 days.
    expect(board.rows.map((r) => [r.name, r.qualified, r.qualifyPending])).toEqual([["张三", 1, 0], ["李四", 1, 0]]);
    // On Nov 10 only the window's first two days were decided: 李四's follow of the 7th was still pending.
    const early = await getCampaignBoard(account.id, c, { sort: "qualified", now: new Date("2026-11-10T12:00:00+08:00") });
    expect(early.rows.map((r) => [r.name, r.qualified, r.qualifyPending])).toEqual([["张三", 1, 0], ["李四", 0, 1]]);
    const page2 = await getCampaignBoard(account.id, c, { limit: 1, offset: 1 });
    expect([page2.rows.map((r) => r.name), page2.total]).toEqual([["李四"], 2]);
    expect((await getCampaignBoard(account.id, c, { limit: 1, offset: 5 })).total).toBe(2);
    const summary = await getCampaignSummary(c);
    expect(summary.totals).toEqual({ newFollowers: 3, refollows: 1, scans: 1, unfollows: 1, net: 2 });
    expect(summary.outside).toEqual({ followsBefore: 1, followsAfter: 1, scansBefore: 0, scansAfter: 1 });
    expect(summary.codes).toBe(2);
    expect(summary.daily).toHaveLength(7);
    expect(summary.daily.find((d) => d.day === "2026-11-09")).toEqual({ day: "2026-11-09", newFollowers: 0, unfollows: 1, refollows: 0, scans: 0 });
    expect(summary.daily.reduce((s, d) => s + d.newFollowers, 0)).toBe(3);
    // A code taken out stops counting; its follows stay in the ledger.
    const [codeOf李四] = await db().qrCode.findMany({ where: { promoterId: p["李四"] } });
    await removeCampaignCodes(account.id, c.id, [codeOf李四.id], actor);
    expect((await getCampaignSummary(c)).totals.newFollowers).toBe(2);
  });

  it("refuse a code in two campaigns whose windows overlap, and moving a window onto another", async () => {
    const a = await createCampaign(account.id, window, actor);
    const b = await createCampaign(account.id, { name: "年货节", startDay: "2026-11-11", endDay: "2026-11-20" }, actor);
    const team = await createTeam(account.id, { name: "东区" }, actor);
    await assignTeam(account.id, [p["张三"], p["王五"]], team.id, actor);
    await enrolPermanentCodes(account.id, a.id, { teamId: team.id }, actor);
    await expect(enrolPermanentCodes(account.id, b.id, { promoterIds: [p["李四"], p["王五"]] }, actor)).rejects.toMatchObject({
      key: "overlap",
      params: { campaign: "双十一", from: "2026-11-05", to: "2026-11-11", scene: "3" },
    });
    expect(await db().campaignCode.count({ where: { campaignId: b.id } })).toBe(0); // nothing enrolled, not even 李四's
    const c = await createCampaign(account.id, { name: "双十二", startDay: "2026-12-01", endDay: "2026-12-12" }, actor);
    expect(await enrolPermanentCodes(account.id, c.id, { teamId: team.id }, actor)).toBe(2); // later window: fine
    await expect(updateCampaign(account.id, c.id, { name: "双十二", startDay: "2026-11-10", endDay: "2026-12-12" }, actor)).rejects.toMatchObject({ key: "overlap" });
    expect((await db().campaign.findUniqueOrThrow({ where: { id: c.id } })).startDay).toBe("2026-12-01");
    await expect(createCampaign(account.id, { ...window, startDay: "2026-11-12" }, actor)).rejects.toThrow(); // end before start
    await expect(createCampaign(account.id, window, actor)).rejects.toMatchObject({ key: "nameTaken" });
    await expect(enrolPermanentCodes(account.id, a.id, { teamId: team.id }, actor)).rejects.toMatchObject({ key: "nothingToEnrol" });
    await deleteCampaign(account.id, a.id, actor);
    expect(await db().qrCode.count()).toBe(3); // the codes stay
    expect(await db().auditLog.count({ where: { action: { startsWith: "campaign." } } })).toBe(6); // the refused enrolment and move wrote nothing
  });

  it("let only one of two concurrent enrolments of a code in overlapping campaigns through", async () => {
    const a = await createCampaign(account.id, window, actor);
    const b = await createCampaign(account.id, { name: "年货节", startDay: "2026-11-10", endDay: "2026-11-20" }, actor);
    const results = await Promise.allSettled([a, b].map((c) => enrolPermanentCodes(account.id, c.id, { promoterIds: [p["张三"]] }, actor)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().campaignCode.count()).toBe(1);
  });

  it("make temporary codes for the window at WeChat, retry the failed ones, and refuse windows WeChat cannot cover", async () => {
    const now = new Date("2026-11-06T00:00:00Z");
    const c = await createCampaign(account.id, window, actor);
    await enrolPermanentCodes(account.id, c.id, { promoterIds: [p["张三"]] }, actor);
    await controlSimulator(sim.current.url, { action: "failNext", errcode: 48001, count: 1, path: "/cgi-bin/qrcode/create" });
    const first = await createCampaignCodes(account.id, c.id, { promoterIds: [p["张三"], p["李四"]] }, actor, now);
    expect(first).toMatchObject({ created: 1, skipped: 0, remaining: 0 });
    expect(first.failures).toHaveLength(1);
    expect(first.failures[0]).toMatchObject({ name: "张三", errcode: 48001 });
    expect(first.failures[0].hint.zh.length).toBeGreaterThan(0);
    const SECONDS_LEFT = 5 * 86400 + 16 * 3600; // from 11-06 08:00 Beijing to the midnight after 11-11
    const temporary = await db().qrCode.findMany({ where: { kind: "QR_SCENE" }, orderBy: { createdAt: "asc" } });
    expect(temporary.map((q) => [q.label, q.status, q.expireSeconds])).toEqual([["双十一", "failed", SECONDS_LEFT], ["双十一", "active", SECONDS_LEFT]]);
    // Again: 李四 is covered, 张三's failed code is retried with the same scene.
    const again = await createCampaignCodes(account.id, c.id, { enrolled: true }, actor, now);
    expect(again).toEqual({ created: 1, skipped: 1, remaining: 0, failures: [] });
    expect(await db().qrCode.count({ where: { kind: "QR_SCENE" } })).toBe(2);
    expect(await db().campaignCode.count({ where: { campaignId: c.id } })).toBe(3);
    const sheet = await listCampaignCards(account.id, c.id, now);
    expect(sheet.cards.map((card) => card.name).sort()).toEqual(["张三", "张三", "李四"]); // 张三: permanent and temporary
    expect((await listCampaignCards("another-account", c.id, now)).cards).toEqual([]);
    // A follow through a temporary code counts for the campaign.
    await send(follow("t1", temporary[1].sceneKey, at(7)));
    expect((await getCampaignSummary(c)).totals.newFollowers).toBe(1);
    const long = await createCampaign(account.id, { name: "年度", startDay: "2026-11-01", endDay: "2027-01-31" }, actor);
    await expect(createCampaignCodes(account.id, long.id, { promoterIds: [p["王五"]] }, actor, now)).rejects.toMatchObject({ key: "tooFar", params: { from: "2027-01-01T16:00:00.000Z" } });
    await expect(createCampaignCodes(account.id, c.id, { promoterIds: [p["王五"]] }, actor, new Date("2026-11-12T00:00:00Z"))).rejects.toMatchObject({ key: "ended" });
    expect(await db().qrCode.count({ where: { promoterId: p["王五"], kind: "QR_SCENE" } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: "campaign.temporary" } })).toBe(2); // the two runs; the refused ones wrote nothing
  });
});
