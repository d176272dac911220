import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../env";
import { wechatRequest } from "../api-client";
import { WechatApiError } from "../wechat-error";
import { controlDatacube, controlSimulator, recordSimulatorEvent } from "./control-simulator";
import { startSimulator, type RunningSimulator } from "./start-simulator";

const APP_ID = "wx00000000datacube";
const SECRET = "0123456789abcdef0123456789abcdef";
const SUMMARY = "/datacube/getusersummary";
const CUMULATE = "/datacube/getusercumulate";
// 2026-12-10 02:00 Beijing time: yesterday (12-09) is not ready until 08:00.
const EARLY = Date.UTC(2026, 11, 9, 18);
const at = (day: string, hour: number) => Math.floor(Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`) / 1000);
let simulator: RunningSimulator;
let token: string;

const ask = <T>(path: string, begin_date: string, end_date: string) =>
  wechatRequest<{ list: T[] }>(path, { query: { access_token: token }, body: { begin_date, end_date } });
const errcodeOf = (promise: Promise<unknown>) => promise.then(() => 0, (e: unknown) => (e instanceof WechatApiError ? e.errcode : -999));

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appId: APP_ID, secret: SECRET }] });
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
});
afterAll(() => simulator.close());
beforeEach(async () => {
  await controlSimulator(simulator.url, { action: "reset" });
  await controlDatacube(simulator.url, { action: "clear" });
  simulator.state.datacube.now = () => EARLY;
  token = (await wechatRequest<{ access_token: string }>("/cgi-bin/stable_token", { body: { grant_type: "client_credential", appid: APP_ID, secret: SECRET } })).access_token;
});

describe("the simulator's datacube endpoints", () => {
  it("report per Beijing day what was pushed: QR follows as source 30, others as 0, unfollows, and cumulate", async () => {
    const push = (event: "subscribe" | "unsubscribe", openid: string, createTime: number, scene?: string) =>
      recordSimulatorEvent(simulator.url, { appId: APP_ID, event, openid, scene, createTime });
    await controlDatacube(simulator.url, { action: "baseline", appId: APP_ID, followers: 100 });
    await push("subscribe", "oA", at("2026-12-05", 10), "7");
    await push("subscribe", "oB", at("2026-12-05", 23), "8");
    await push("subscribe", "oC", at("2026-12-06", 0) - 60, undefined); // 23:59 Beijing, still the 5th
    await push("subscribe", "oD", at("2026-12-06", 0), "7"); // midnight Beijing (16:00 UTC on the 5th): the 6th
    await push("unsubscribe", "oA", at("2026-12-07", 12));
    const summary = await ask<Record<string, unknown>>(SUMMARY, "2026-12-04", "2026-12-08");
    expect(summary.list).toEqual([
      { ref_date: "2026-12-05", user_source: 0, new_user: 1, cancel_user: 0 },
      { ref_date: "2026-12-05", user_source: 30, new_user: 2, cancel_user: 0 },
      { ref_date: "2026-12-06", user_source: 30, new_user: 1, cancel_user: 0 },
      { ref_date: "2026-12-07", user_source: 0, new_user: 0, cancel_user: 1 },
    ]);
    const cumulate = await ask<{ ref_date: string; cumulate_user: number }>(CUMULATE, "2026-12-04", "2026-12-08");
    expect(cumulate.list.map((r) => [r.ref_date, r.cumulate_user])).toEqual([
      ["2026-12-04", 100], ["2026-12-05", 103], ["2026-12-06", 104], ["2026-12-07", 103], ["2026-12-08", 103],
    ]);
  });

  it("put a day off on request (the control endpoint), and refuse bad adjustments", async () => {
    await recordSimulatorEvent(simulator.url, { appId: APP_ID, event: "subscribe", openid: "oA", scene: "1", createTime: at("2026-12-06", 9) });
    await controlDatacube(simulator.url, { action: "adjust", appId: APP_ID, day: "2026-12-06", newUser: 3 });
    await controlDatacube(simulator.url, { action: "adjust", appId: APP_ID, day: "2026-12-07", userSource: 0, cancelUser: 2 });
    const { list } = await ask<{ ref_date: string; user_source: number; new_user: number; cancel_user: number }>(SUMMARY, "2026-12-06", "2026-12-07");
    expect(list).toEqual([
      { ref_date: "2026-12-06", user_source: 30, new_user: 4, cancel_user: 0 },
      { ref_date: "2026-12-07", user_source: 0, new_user: 0, cancel_user: 2 },
    ]);
    await expect(controlDatacube(simulator.url, { action: "adjust", appId: APP_ID, day: "6 Dec" })).rejects.toThrow(/day must be YYYY-MM-DD/);
  });

  it("answer 61501 outside WeChat's range (over 7 days, today, reversed, before 2014-12-01) and 61500 for a bad date", async () => {
    expect(await errcodeOf(ask(SUMMARY, "2026-12-01", "2026-12-08"))).toBe(61501); // 8 days
    expect(await errcodeOf(ask(CUMULATE, "2026-12-10", "2026-12-10"))).toBe(61501); // today in Beijing
    expect(await errcodeOf(ask(SUMMARY, "2026-12-08", "2026-12-07"))).toBe(61501);
    expect(await errcodeOf(ask(SUMMARY, "2014-11-30", "2014-12-01"))).toBe(61501);
    expect(await errcodeOf(ask(SUMMARY, "2026-12-1", "2026-12-02"))).toBe(61500);
    expect(await errcodeOf(ask(SUMMARY, "2026-12-02", "2026-12-08"))).toBe(0); // exactly 7 days
  });

  it("leave yesterday out until 08:00 Beijing time, then report it", async () => {
    await recordSimulatorEvent(simulator.url, { appId: APP_ID, event: "subscribe", openid: "oY", scene: "1", createTime: at("2026-12-09", 12) });
    expect((await ask(CUMULATE, "2026-12-08", "2026-12-09")).list).toHaveLength(1);
    expect((await ask(SUMMARY, "2026-12-09", "2026-12-09")).list).toEqual([]);
    simulator.state.datacube.now = () => EARLY + 6 * 3_600_000; // 08:00 Beijing
    expect((await ask(CUMULATE, "2026-12-08", "2026-12-09")).list).toHaveLength(2);
    expect((await ask(SUMMARY, "2026-12-09", "2026-12-09")).list).toHaveLength(1);
  });

  it("inject 45009 and -1 on each endpoint on its own", async () => {
    await controlSimulator(simulator.url, { action: "failNext", errcode: 45009, path: SUMMARY });
    await controlSimulator(simulator.url, { action: "failNext", errcode: -1, path: CUMULATE });
    expect(await errcodeOf(ask(CUMULATE, "2026-12-08", "2026-12-08"))).toBe(-1);
    expect(await errcodeOf(ask(SUMMARY, "2026-12-08", "2026-12-08"))).toBe(45009);
    expect(await errcodeOf(ask(SUMMARY, "2026-12-08", "2026-12-08"))).toBe(0);
  });
});
