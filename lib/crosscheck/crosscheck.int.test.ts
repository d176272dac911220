import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { storeEvent } from "@/lib/ingest/store/store-event";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { getCrosscheck } from "./get-crosscheck";
import { listDayScenes } from "./list-day-scenes";
import { INTERNAL_ERRCODE, runCrosscheck } from "./run-crosscheck";

// Our side and WeChat's side fed the same events: stored and attributed the way the callback's are,
// and recorded by the simulator, whose datacube endpoints then report them. One day is put off on purpose.
const APP_ID = "wx0000000000xcheck";
const NOW = new Date("2026-12-10T09:00:00+08:00"); // 12-09 is published
const SUMMARY = "/datacube/getusersummary";
const sim = simulatorForTests();
let account: { id: string; timezone: string };
const at = (day: string, time = "12:00:00") => Math.floor(Date.parse(`${day}T${time}+08:00`) / 1000);

async function happen(event: "subscribe" | "unsubscribe", openid: string, createTime: number, scene?: string) {
  sim.current.state.recordEvent(APP_ID, event, openid, scene, createTime);
  await storeEvent({ accountId: account.id, fromUser: openid, createTime, event, eventKey: event === "subscribe" && scene ? `qrscene_${scene}` : null, ticket: null });
}

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  sim.current.state.datacube.clear();
  sim.current.state.datacube.now = () => NOW.getTime();
  account = await createTestAccount(APP_ID);
  const promoter = await db().promoter.create({ data: { accountId: account.id, name: "张三" } });
  await db().qrCode.create({ data: { accountId: account.id, promoterId: promoter.id, sceneId: 1, sceneKey: "1", status: "active" } });
  // A week from 12-03 to 12-09 (Beijing days).
  await happen("subscribe", "o1", at("2026-12-03"), "1");
  await happen("subscribe", "o2", at("2026-12-03", "23:59:30"), "1"); // 23:59 Beijing: still the 3rd on both sides
  await happen("subscribe", "o3", at("2026-12-04"));
  await happen("subscribe", "o4", at("2026-12-05"), "999"); // a code made outside Scenecode
  await happen("unsubscribe", "o1", at("2026-12-06"));
  await happen("subscribe", "o1", at("2026-12-07"), "1"); // a re-follow through the code: QR on both sides
  await happen("unsubscribe", "o3", at("2026-12-08"));
  await happen("subscribe", "o5", at("2026-12-09", "00:00:01"), "1");
  await drainAttribution();
});

describe("the cross-check with WeChat's statistics", () => {
  it("shows each day's figures beside ours, equal where the pushes were all received, and the day put off explained", async () => {
    sim.current.state.datacube.adjust(APP_ID, { day: "2026-12-06", newUser: 2 }); // two QR follows WeChat counted that never reached us
    const progress: string[] = [];
    const run = await runCrosscheck(account.id, { from: "2026-12-03", to: "2026-12-10" }, { now: NOW, onProgress: (p) => progress.push(`${p.piece}/${p.pieces} ${p.from}…${p.to}`) });
    expect(run).toEqual({ ok: true, fetched: { from: "2026-12-03", to: "2026-12-09" }, days: 7 }); // 12-10 is not published yet
    expect(progress).toEqual(["1/1 2026-12-03…2026-12-09"]);
    const { rows, error, succeededAt } = await getCrosscheck(account, { from: "2026-12-03", to: "2026-12-10" }, NOW);
    expect(error).toBeNull();
    expect(succeededAt).toEqual(NOW);
    const byDay = Object.fromEntries(rows.map((r) => [r.day, r]));
    expect(rows.map((r) => r.day)).toEqual(["2026-12-10", "2026-12-09", "2026-12-08", "2026-12-07", "2026-12-06", "2026-12-05", "2026-12-04", "2026-12-03"]);
    expect(byDay["2026-12-10"].status).toBe("notReady");
    expect(rows.filter((r) => r.status === "match").map((r) => r.day)).toEqual(["2026-12-09", "2026-12-08", "2026-12-07", "2026-12-05", "2026-12-04", "2026-12-03"]);
    expect(byDay["2026-12-03"]).toMatchObject({ wechat: { qrNew: 2, allNew: 2, cancel: 0, cumulate: 2 }, ours: { qrNew: 2, allNew: 2, unfollows: 0, net: 2 } });
    expect(byDay["2026-12-04"]).toMatchObject({ wechat: { qrNew: 0, allNew: 1 }, ours: { qrNew: 0, allNew: 1 } });
    expect(byDay["2026-12-05"]).toMatchObject({ ours: { qrNew: 1, unattributed: 1 }, reasons: [{ code: "unattributed", count: 1 }] });
    expect(byDay["2026-12-07"]).toMatchObject({ wechat: { qrNew: 1, allNew: 1 }, ours: { qrNew: 1, allNew: 1, net: 1 } });
    expect(byDay["2026-12-06"]).toMatchObject({
      status: "off",
      wechat: { qrNew: 2, allNew: 2, cancel: 1, cumulate: 5 },
      ours: { qrNew: 0, allNew: 0, unfollows: 1, net: -1 },
      diff: { qrNew: 2, allNew: 2, cancel: 0 },
      reasons: [{ code: "missed", count: 2 }],
    });
    expect(await listDayScenes(account, "2026-12-05")).toEqual([{ sceneKey: "999", follows: 1 }]);
    expect(await listDayScenes(account, "2026-12-04")).toEqual([]);
  });

  it("splits longer ranges into calls of 7 days and refreshes a day WeChat corrected", async () => {
    await runCrosscheck(account.id, { from: "2026-11-28", to: "2026-12-09" }, { now: NOW });
    expect(sim.current.state.callCount(SUMMARY)).toBe(2);
    expect(await db().wechatDailyCumulate.count({ where: { accountId: account.id } })).toBe(12);
    sim.current.state.datacube.adjust(APP_ID, { day: "2026-12-04", userSource: 0, newUser: 1 });
    await runCrosscheck(account.id, { from: "2026-12-04", to: "2026-12-04" }, { now: NOW });
    const { rows } = await getCrosscheck(account, { from: "2026-12-04", to: "2026-12-04" }, NOW);
    expect(rows[0]).toMatchObject({ wechat: { allNew: 2, qrNew: 0 }, status: "off", reasons: [{ code: "missed", count: 1 }] });
  });

  it("keeps WeChat's stored figures when it errs (45009, -1 after retries, 61501) and shows the errcode with what to do", async () => {
    await runCrosscheck(account.id, { from: "2026-12-03", to: "2026-12-09" }, { now: NOW });
    sim.current.state.failNext(45009, 1, SUMMARY);
    const quota = await runCrosscheck(account.id, { from: "2026-12-03", to: "2026-12-09" }, { now: NOW });
    expect(quota).toMatchObject({ ok: false, errcode: 45009, hint: { zh: expect.stringContaining("上限") } });
    const shown = await getCrosscheck(account, { from: "2026-12-03", to: "2026-12-09" }, NOW);
    expect(shown.error).toMatchObject({ errcode: 45009 });
    expect(shown.rows.filter((r) => r.wechat !== null)).toHaveLength(7); // history kept
    sim.current.state.failNext(-1, 3, SUMMARY);
    expect(await runCrosscheck(account.id, { from: "2026-12-03", to: "2026-12-09" }, { now: NOW })).toMatchObject({ ok: false, errcode: -1 });
    // WeChat's clock a day behind ours: it refuses what we think is published.
    sim.current.state.datacube.now = () => NOW.getTime() - 86_400_000;
    const range = await runCrosscheck(account.id, { from: "2026-12-09", to: "2026-12-09" }, { now: NOW });
    expect(range).toMatchObject({ ok: false, errcode: 61501, hint: { en: expect.stringContaining("at most 7 days") } });
    sim.current.state.datacube.now = () => NOW.getTime();
    expect(await runCrosscheck(account.id, { from: "2026-12-09", to: "2026-12-09" }, { now: NOW })).toMatchObject({ ok: true });
    expect((await getCrosscheck(account, { from: "2026-12-09", to: "2026-12-09" }, NOW)).error).toBeNull();
  });

  it("leaves a day WeChat did not answer for as it was stored (its figures outlive WeChat's window)", async () => {
    await runCrosscheck(account.id, { from: "2026-12-03", to: "2026-12-09" }, { now: NOW });
    // Before 08:00 on WeChat's side, 12-09 is not in its answer: the stored 12-09 stays.
    sim.current.state.datacube.now = () => NOW.getTime() - 2 * 3_600_000;
    sim.current.state.datacube.adjust(APP_ID, { day: "2026-12-09", newUser: 5 });
    await runCrosscheck(account.id, { from: "2026-12-03", to: "2026-12-09" }, { now: NOW });
    const { rows } = await getCrosscheck(account, { from: "2026-12-09", to: "2026-12-09" }, NOW);
    expect(rows[0]).toMatchObject({ status: "match", wechat: { qrNew: 1 } });
  });

  it("records a failure on our side (an AppSecret that no longer unseals) without a WeChat errcode", async () => {
    const broken = await db().account.create({ data: { name: "坏", appId: "wx0000000000broken", appSecretEnc: "not-sealed", tokenEnc: "x" } });
    const run = await runCrosscheck(broken.id, { from: "2026-12-03", to: "2026-12-09" }, { now: NOW });
    expect(run).toMatchObject({ ok: false, errcode: INTERNAL_ERRCODE, hint: { en: expect.stringContaining("server log") } });
    expect((await getCrosscheck({ id: broken.id, timezone: "Asia/Shanghai" }, { from: "2026-12-09", to: "2026-12-09" }, NOW)).error).toMatchObject({ errcode: INTERNAL_ERRCODE });
  });
});
