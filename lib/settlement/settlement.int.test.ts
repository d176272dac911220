import { inflateRawSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { recordEvent, type TrackedEvent } from "../attribution/record-event";
import { db } from "../db";
import { dictionaryFor } from "../i18n/locales";
import { readZip } from "@/test/read-zip";
import { resetDatabase } from "@/test/reset-database";
import { exportSettlementXlsx } from "./export-settlement";
import { getSettlementRun, listSettlementItems } from "./get-settlement-run";
import { listPromoterSettlements } from "./list-promoter-settlements";
import { setPrice } from "./save-price";
import { SettlementError } from "./settlement-error";
import { previewSettlement, settlePeriod, type SettleAccount } from "./settle-period";

const actor = { email: "ops@example.com" };
const now = new Date("2026-11-20T04:00:00Z");
// Unix seconds at Beijing noon (or another hour) of a November 2026 day.
const at = (day: number, hour = 12) => Date.UTC(2026, 10, day, hour - 8) / 1000;
const follow = (openid: string, scene: string | null, createTime: number): TrackedEvent => ({ fromUser: openid, createTime, event: "subscribe", eventKey: scene ? `qrscene_${scene}` : null, scene, ticket: null });
const unfollow = (openid: string, createTime: number): TrackedEvent => ({ fromUser: openid, createTime, event: "unsubscribe", eventKey: null, scene: null, ticket: null });

let account: SettleAccount;
const p: Record<string, string> = {};
const send = async (...events: TrackedEvent[]) => {
  for (const e of events) await recordEvent(account, e);
};
const lines = (rows: { promoterName: string; follows: number; qualified: number; unitFen: number | null; amountFen: number; adjustments: number; adjustmentFen: number; totalFen: number }[]) =>
  rows.map((l) => [l.promoterName, l.follows, l.qualified, l.unitFen, l.amountFen, l.adjustments, l.adjustmentFen, l.totalFen]);
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e) => (e instanceof SettlementError ? e.key : e));

beforeEach(async () => {
  await resetDatabase();
  const created = await db().account.create({ data: { name: "结算号", appId: "wx5555666677778888", appSecretEnc: "x", tokenEnc: "x", qualifyDays: 3 } });
  account = { id: created.id, timezone: created.timezone, qualifyDays: created.qualifyDays };
  const team = await db().team.create({ data: { accountId: account.id, name: "东区" } });
  const campaign = await db().campaign.create({ data: { accountId: account.id, name: "双十一", startDay: "2026-11-03", endDay: "2026-11-04" } });
  for (const [i, name] of ["甲", "乙", "丙"].entries()) {
    const promoter = await db().promoter.create({ data: { accountId: account.id, name, teamId: name === "甲" ? team.id : null } });
    const code = await db().qrCode.create({ data: { accountId: account.id, promoterId: promoter.id, sceneId: i + 1, sceneKey: String(i + 1), status: "active" } });
    if (name === "丙") await db().campaignCode.create({ data: { campaignId: campaign.id, qrCodeId: code.id } });
    p[name] = promoter.id;
  }
  await setPrice(account.id, { scope: "account", price: "1" }, actor);
  await setPrice(account.id, { scope: "team", targetId: team.id, price: "2.5" }, actor);
  await setPrice(account.id, { scope: "campaign", targetId: campaign.id, price: "¥5.00" }, actor);
  await send(
    follow("o1", "1", at(1)), // 甲 (team price): stays → qualified
    follow("o2", "1", at(2)), unfollow("o2", at(3)), // leaves within 3 days → not qualified
    follow("o3", "2", at(2)), unfollow("o3", at(3)), follow("o3", "2", at(4)), // back before the 3 days end → qualified
    follow("o4", "2", at(5)), unfollow("o4", at(8, 13)), // leaves an hour after the 3 days → qualified
    follow("o10", "2", at(6)), unfollow("o10", at(7)), follow("o10", "2", at(12)), // following again now, but not on the 9th → not qualified
    follow("o5", "3", at(3)), // 丙 through a campaign code inside its window: the campaign's price
    follow("o6", "3", at(6)), // outside the window: 丙 has no team, the account's price
    follow("o7", "1", at(8)), // after the period
    follow("o8", null, at(2)), // organic: nobody's
  );
});

const period = { fromDay: "2026-11-01", toDay: "2026-11-07" };

describe("settlement runs", () => {
  it("settle a closed period's qualified follows at the campaign, team or account price, with the evidence behind each line", async () => {
    const preview = await previewSettlement(account, period, now);
    const expected = [
      ["丙", 2, 2, null, 600, 0, 0, 600],
      ["甲", 2, 1, 250, 250, 0, 0, 250],
      ["乙", 3, 2, 100, 200, 0, 0, 200],
    ];
    expect(lines(preview.lines)).toEqual(expected);
    expect(preview.totals).toMatchObject({ follows: 7, qualified: 5, totalFen: 1050 });
    expect(await db().settlementRun.count()).toBe(0); // a preview stores nothing

    const run = await settlePeriod(account, period, actor, now);
    expect([run.seq, run.follows, run.qualified, Number(run.totalFen)]).toEqual([1, 7, 5, 1050]);
    const stored = await getSettlementRun(account.id, run.id);
    expect(lines(stored!.lines)).toEqual(expected);
    const evidence = await listSettlementItems(run.id, p["乙"]);
    expect(evidence.map((i) => [i.openid, i.sceneKey, i.day, i.qualified, i.reason, i.amountFen, i.unfollowedAt !== null])).toEqual([
      ["o3", "2", "2026-11-02", true, "returned", 100, true],
      ["o4", "2", "2026-11-05", true, "kept", 100, true],
      ["o10", "2", "2026-11-06", false, "left", 0, true],
    ]);
    expect((await listSettlementItems(run.id, p["甲"])).map((i) => [i.openid, i.reason, i.amountFen])).toEqual([["o1", "kept", 250], ["o2", "left", 0]]);
    expect(await db().auditLog.count({ where: { action: "settlement.lock", targetId: run.id } })).toBe(1);
    // The Excel file: the payout sheet, then the follower evidence on a second sheet.
    const xlsx = await exportSettlementXlsx(stored!, dictionaryFor("zh-CN"), account.timezone);
    const files = readZip(Buffer.from(await xlsx.arrayBuffer()));
    const text = (name: string) => inflateRawSync(files.find((f) => f.name === name)!.data).toString("utf8");
    const strings = text("xl/sharedStrings.xml");
    expect(text("xl/workbook.xml")).toMatch(/<sheet [^>]*name="付款单"\/><sheet [^>]*name="粉丝明细"\/>/);
    for (const cell of ["丙", "6.00", "o10", "3 天内取消关注", "曾取关，3 天内重新关注"]) expect(strings).toContain(cell);
  });

  it("never change a locked run: events arriving after the lock land in the next run as adjustments", async () => {
    const first = await settlePeriod(account, period, actor, now);
    const before = lines((await getSettlementRun(account.id, first.id))!.lines);
    await send(unfollow("o1", at(2)), follow("o9", "2", at(6))); // stored late: o1 left within 3 days; o9 was never seen
    expect(lines((await getSettlementRun(account.id, first.id))!.lines)).toEqual(before);
    await setPrice(account.id, { scope: "account", price: "9" }, actor); // a new price never re-prices what is settled

    const second = await settlePeriod(account, { fromDay: "2026-11-08", toDay: "2026-11-14" }, actor, new Date("2026-11-18T04:00:00Z"));
    const run = await getSettlementRun(account.id, second.id);
    expect(lines(run!.lines)).toEqual([
      ["乙", 0, 0, null, 0, 1, 900, 900], // o9, late, qualified, at today's price
      ["甲", 1, 1, 250, 250, 1, -250, 0], // o7 of this period; o1 taken back (what it was paid)
    ]);
    const adjustments = (await listSettlementItems(second.id, p["甲"])).filter((i) => i.adjustment);
    expect(adjustments.map((i) => [i.openid, i.day, i.qualified, i.reason, i.amountFen])).toEqual([["o1", "2026-11-01", false, "left", -250]]);
    // Nothing changed since: a third run has no adjustments.
    const third = await settlePeriod(account, { fromDay: "2026-11-15", toDay: "2026-11-16" }, actor, now);
    expect([third.adjustments, Number(third.totalFen)]).toEqual([0, 0]);
    // 甲's private page: each settled period with what it paid, the latest first.
    expect((await listPromoterSettlements(p["甲"])).map((s) => [s.fromDay, s.qualified, s.adjustmentFen, s.totalFen])).toEqual([["2026-11-08", 1, -250, 0], ["2026-11-01", 1, 0, 250]]);
  });

  it("take back what was paid to a promoter when the follow is credited to another", async () => {
    const first = await settlePeriod(account, period, actor, now);
    const o6 = await db().attribution.findFirstOrThrow({ where: { accountId: account.id, follower: { openid: "o6" }, kind: "new_follow" } });
    await db().attribution.update({ where: { id: o6.id }, data: { promoterId: p["乙"], reassignedAt: now } });
    await db().wechatEvent.update({ where: { id: o6.eventId }, data: { attributedAt: new Date() } }); // as the worker's re-attribution does
    const second = await settlePeriod(account, { fromDay: "2026-11-08", toDay: "2026-11-10" }, actor, new Date("2026-11-15T00:00:00Z"));
    const run = await getSettlementRun(account.id, second.id);
    expect(lines(run!.lines).filter((l) => l[0] !== "甲")).toEqual([
      ["乙", 0, 0, null, 0, 1, 100, 100],
      ["丙", 0, 0, null, 0, 1, -100, -100],
    ]);
    expect((await listSettlementItems(second.id, p["丙"]))[0].reason).toBe("reassigned");
    expect(first.id).not.toBe(second.id);
  });

  it("refuse a period not yet closed, an overlapping one, and a second of two concurrent runs", async () => {
    expect(await refusal(settlePeriod(account, { fromDay: "2026-11-10", toDay: "2026-11-17" }, actor, now))).toBe("notClosed"); // the 17th + 3 days ends on the 21st
    expect(await refusal(previewSettlement(account, { fromDay: "2026-11-07", toDay: "2026-11-01" }, now))).toBe("order");
    expect(await refusal(settlePeriod(account, { fromDay: "2026-11-01", toDay: "2026-11-31" }, actor, now))).toBe("invalidDay");
    const results = await Promise.all([1, 2].map(() => refusal(settlePeriod(account, period, actor, now))));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(["overlap", "busy"]).toContain(results.find((r) => r !== null));
    expect(await refusal(settlePeriod(account, { fromDay: "2026-11-05", toDay: "2026-11-09" }, actor, now))).toBe("overlap");
    expect(await refusal(previewSettlement(account, { fromDay: "2026-10-25", toDay: "2026-11-01" }, now))).toBe("overlap");
    expect(await db().settlementRun.count()).toBe(1);
  });
});
