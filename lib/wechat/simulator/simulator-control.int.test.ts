import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../env";
import { wechatRequest } from "../api-client";
import { WechatApiError, WechatNetworkError } from "../wechat-error";
import { controlSimulator, readSimulatorState, recordSimulatorEvent, seedSimulatorFollowers } from "./control-simulator";
import { startSimulator, type RunningSimulator } from "./start-simulator";

const APP_ID = "wx1234567890abcdef";
const SECRET = "0123456789abcdef0123456789abcdef";
const CREATE = "/cgi-bin/qrcode/create";
const QR_BODY = { action_name: "QR_LIMIT_SCENE", action_info: { scene: { scene_id: 7 } } };
let simulator: RunningSimulator;
let token: string;

const createQr = (timeoutMs?: number) => wechatRequest<{ ticket: string }>(CREATE, { query: { access_token: token }, body: QR_BODY, timeoutMs });
const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const post = (path: string, body: string) => fetch(`${simulator.url}${path}`, { method: "POST", body });

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appId: APP_ID, secret: SECRET }] });
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
});
afterAll(() => simulator.close());
beforeEach(async () => {
  await controlSimulator(simulator.url, { action: "reset" });
  const issued = await wechatRequest<{ access_token: string }>("/cgi-bin/stable_token", { body: { grant_type: "client_credential", appid: APP_ID, secret: SECRET } });
  token = issued.access_token;
});

describe("POST /__simulator/control", () => {
  it("failNext: the next calls to the path answer the errcode, then it works again", async () => {
    await controlSimulator(simulator.url, { action: "failNext", errcode: 48001, count: 2, path: CREATE });
    await wechatRequest("/cgi-bin/user/get", { query: { access_token: token } });
    for (let i = 0; i < 2; i++) {
      const error = await createQr().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WechatApiError);
      expect((error as WechatApiError).errcode).toBe(48001);
    }
    expect((await createQr()).ticket).toMatch(/^gQ/);
  });

  it("setLatency: answers on the path are measurably slower until it is set back to 0", async () => {
    await controlSimulator(simulator.url, { action: "setLatency", ms: 400, path: CREATE });
    expect(await timed(() => createQr())).toBeGreaterThanOrEqual(380);
    expect(await timed(() => wechatRequest("/cgi-bin/user/get", { query: { access_token: token } }))).toBeLessThan(300);
    await controlSimulator(simulator.url, { action: "setLatency", ms: 0, path: CREATE });
    expect(await timed(() => createQr())).toBeLessThan(300);
  });

  it("hangNext: the API client's timeout raises WechatNetworkError, and the next call is answered", async () => {
    await controlSimulator(simulator.url, { action: "hangNext", path: CREATE });
    const error = await createQr(300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatNetworkError);
    expect((error as Error).message).toMatch(/timed out after 300 ms/);
    expect((await createQr(2000)).ticket).toMatch(/^gQ/);
  });

  it("invalidateTokens and reset: tokens fail with 40001; reset clears faults and call counts", async () => {
    await controlSimulator(simulator.url, { action: "invalidateTokens" });
    expect(((await createQr().catch((e: unknown) => e)) as WechatApiError).errcode).toBe(40001);
    await controlSimulator(simulator.url, { action: "failNext", errcode: -1, count: 5 });
    await controlSimulator(simulator.url, { action: "setLatency", ms: 5000 });
    await controlSimulator(simulator.url, { action: "hangNext", count: 3, path: CREATE });
    expect((await readSimulatorState(simulator.url)).faults).toEqual({
      failures: [{ errcode: -1, remaining: 5 }],
      hangs: [{ remaining: 3, path: CREATE }],
      latencyMs: { "*": 5000 },
    });
    await controlSimulator(simulator.url, { action: "reset" });
    const state = await readSimulatorState(simulator.url);
    expect(state).toMatchObject({ calls: {}, faults: { failures: [], hangs: [], latencyMs: {} } });
    expect(await timed(() => wechatRequest("/cgi-bin/stable_token", { body: { grant_type: "client_credential", appid: APP_ID, secret: SECRET } }))).toBeLessThan(1000);
  });

  it("refuses unknown actions, paths and bodies with a reason", async () => {
    await expect(controlSimulator(simulator.url, { action: "failNext", errcode: 45009, path: "/cgi-bin/qrcode/crate" })).rejects.toThrow(/no \/cgi-bin\/qrcode\/crate/);
    await expect(controlSimulator(simulator.url, { action: "failNext", errcode: 0 })).rejects.toThrow(/errcode/);
    await expect(controlSimulator(simulator.url, { action: "explode" } as never)).rejects.toThrow(/action/);
    const notJson = await post("/__simulator/control", "{");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ ok: false, error: "the body must be JSON" });
    expect((await fetch(`${simulator.url}/__simulator/nothing`)).status).toBe(404);
    await expect(controlSimulator("http://127.0.0.1:9", { action: "reset" })).rejects.toThrow(/no simulator answers/);
  });
});

describe("GET /__simulator/state and POST /__simulator/events", () => {
  it("counts calls per API path, but not control calls", async () => {
    await createQr();
    await createQr();
    const { calls } = await readSimulatorState(simulator.url);
    expect(calls).toEqual({ "/cgi-bin/stable_token": 1, [CREATE]: 2 });
  });

  it("records follows and unfollows in the follower list user/info reports, with the issued ticket", async () => {
    const { ticket } = await createQr();
    expect(await recordSimulatorEvent(simulator.url, { appId: APP_ID, event: "subscribe", openid: "o_remote", scene: "7", createTime: 1700000000 })).toEqual({ ticket });
    const info = await wechatRequest("/cgi-bin/user/info", { query: { access_token: token, openid: "o_remote" } });
    expect(info).toMatchObject({ subscribe: 1, qr_scene: 7, subscribe_time: 1700000000, subscribe_scene: "ADD_SCENE_QR_CODE" });
    await recordSimulatorEvent(simulator.url, { appId: APP_ID, event: "unsubscribe", openid: "o_remote" });
    expect((await readSimulatorState(simulator.url)).followers).toMatchObject({ [APP_ID]: { total: 1, following: 0 } });
    await expect(recordSimulatorEvent(simulator.url, { appId: APP_ID, event: "follow" as never, openid: "o1" })).rejects.toThrow(/event/);
  });

  it("seeds a follower population that user/get pages and batchget describes; a 45009 starts after `after` calls", async () => {
    simulator.state.followers.clear();
    expect(await seedSimulatorFollowers(simulator.url, { appId: APP_ID, count: 25_000, scenes: ["7"], qrPercent: 20, prefix: "oPop" })).toEqual({ qr: 5_000, unknown: 0, organic: 20_000 });
    const USER_GET = "/cgi-bin/user/get";
    await controlSimulator(simulator.url, { action: "failNext", errcode: 45009, count: 1, path: USER_GET, after: 2 });
    const first = await wechatRequest<{ total: number; count: number; next_openid: string; data: { openid: string[] } }>(USER_GET, { query: { access_token: token } });
    expect(first).toMatchObject({ total: 25_000, count: 10_000, next_openid: "oPop09999" });
    const second = await wechatRequest<{ count: number; next_openid: string }>(USER_GET, { query: { access_token: token, next_openid: first.next_openid } });
    expect(second).toMatchObject({ count: 10_000, next_openid: "oPop19999" });
    const quota = await wechatRequest(USER_GET, { query: { access_token: token, next_openid: second.next_openid } }).catch((e: unknown) => e);
    expect(quota).toMatchObject({ errcode: 45009 });
    expect(await wechatRequest(USER_GET, { query: { access_token: token, next_openid: second.next_openid } })).toMatchObject({ count: 5_000, next_openid: "oPop24999" });
    const info = await wechatRequest<{ user_info_list: { qr_scene: number; subscribe_scene: string }[] }>("/cgi-bin/user/info/batchget", { query: { access_token: token }, body: { user_list: [{ openid: "oPop00000" }, { openid: "oPop00020" }] } });
    expect(info.user_info_list.map((u) => [u.subscribe_scene, u.qr_scene])).toEqual([["ADD_SCENE_QR_CODE", 7], ["ADD_SCENE_PROFILE_CARD", 0]]);
    await expect(seedSimulatorFollowers(simulator.url, { appId: APP_ID, count: 0 })).rejects.toThrow(/count/);
  });
});
