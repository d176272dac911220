import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./start-simulator";

const APP_ID = "wx1234567890abcdef";
const SECRET = "0123456789abcdef0123456789abcdef";
let simulator: RunningSimulator;
let token: string;

async function call(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${simulator.url}${path}`, body === undefined ? {} : { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}
const stable = (extra: Record<string, unknown> = {}) =>
  call("/cgi-bin/stable_token", { grant_type: "client_credential", appid: APP_ID, secret: SECRET, force_refresh: false, ...extra });

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appId: APP_ID, secret: SECRET }] });
});
afterAll(() => simulator.close());
beforeEach(async () => {
  simulator.state.invalidateTokens();
  simulator.state.followers.clear();
  token = String((await stable()).access_token);
});

describe("simulator tokens", () => {
  it("returns the same stable token until forced, and checks credentials", async () => {
    expect((await stable()).access_token).toBe(token);
    const forced = await stable({ force_refresh: true });
    expect(forced.access_token).not.toBe(token);
    expect(forced.expires_in).toBe(7200);
    expect((await stable({ appid: "wx0000000000000000" })).errcode).toBe(40013);
    expect((await stable({ secret: "x".repeat(32) })).errcode).toBe(40125);
    expect((await call("/cgi-bin/stable_token", "not json")).errcode).toBe(47001);
    const classic = await call(`/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`);
    expect(classic.access_token).toEqual(expect.any(String));
  });

  it("accepts any appid with a 32-character secret when no accounts are configured", async () => {
    const open = await startSimulator();
    const ask = (secret: string) =>
      fetch(`${open.url}/cgi-bin/stable_token`, { method: "POST", body: JSON.stringify({ grant_type: "client_credential", appid: "wxanything", secret }) }).then((r) => r.json());
    expect((await ask("a".repeat(32))).access_token).toEqual(expect.any(String));
    expect((await ask("short")).errcode).toBe(40125);
    await open.close();
  });

  it("rejects invalidated, missing and injected failures", async () => {
    const body = { action_name: "QR_LIMIT_SCENE", action_info: { scene: { scene_id: 1 } } };
    simulator.state.invalidateTokens();
    expect((await call(`/cgi-bin/qrcode/create?access_token=${token}`, body)).errcode).toBe(40001);
    expect((await call("/cgi-bin/qrcode/create", body)).errcode).toBe(41001);
    const fresh = String((await stable()).access_token);
    simulator.state.failNext(45009, 2);
    expect((await call(`/cgi-bin/qrcode/create?access_token=${fresh}`, body)).errcode).toBe(45009);
    expect((await call(`/cgi-bin/user/get?access_token=${fresh}`)).errcode).toBe(45009);
    expect((await call(`/cgi-bin/qrcode/create?access_token=${fresh}`, body)).ticket).toEqual(expect.any(String));
  });
});

describe("simulator QR codes", () => {
  const create = (body: unknown) => call(`/cgi-bin/qrcode/create?access_token=${token}`, body);

  it("validates the action, the scene wrapper and the ranges", async () => {
    expect((await create({ action_name: "QR_LIMIT_SCENE", action_info: { scene_id: 5 } })).errmsg).toMatch(/scene is required/);
    expect((await create({ action_name: "QR_LIMIT_SCENE", action_info: { scene: { scene_id: 100_001 } } })).errcode).toBe(40053);
    expect((await create({ action_name: "QR_LIMIT_STR_SCENE", action_info: { scene: { scene_str: "x".repeat(65) } } })).errcode).toBe(40053);
    expect((await create({ action_name: "QR_BOGUS", action_info: { scene: { scene_id: 1 } } })).errcode).toBe(40053);
    const temporary = await create({ action_name: "QR_STR_SCENE", expire_seconds: 600, action_info: { scene: { scene_str: "s" } } });
    expect(temporary).toMatchObject({ expire_seconds: 600, url: expect.stringMatching(/^http:\/\/weixin\.qq\.com\/q\//) });
  });
});

describe("simulator quota", () => {
  const quota = (body: unknown, accessToken = token) => call(`/cgi-bin/openapi/quota/get?access_token=${accessToken}`, body);
  const create = (scene: number) => call(`/cgi-bin/qrcode/create?access_token=${token}`, { action_name: "QR_LIMIT_SCENE", action_info: { scene: { scene_id: scene } } });

  it("reports today's qrcode/create use per account, and WeChat's errors", async () => {
    const before = (await quota({ cgi_path: "/cgi-bin/qrcode/create" })) as { quota: { used: number } };
    await create(901);
    await create(902);
    await create(100_001); // refused: not counted
    expect(await quota({ cgi_path: "/cgi-bin/qrcode/create" })).toEqual({
      errcode: 0, errmsg: "ok", quota: { daily_limit: 100_000, used: before.quota.used + 2, remain: 100_000 - before.quota.used - 2 },
    });
    expect((await quota({ cgi_path: "/cgi-bin/nothing" })).errcode).toBe(76021);
    expect((await quota({})).errcode).toBe(47001);
    expect((await quota({ cgi_path: "/cgi-bin/qrcode/create" }, "nope")).errcode).toBe(40001);
    simulator.state.failNext(45009, 1, "/cgi-bin/openapi/quota/get");
    expect((await quota({ cgi_path: "/cgi-bin/qrcode/create" })).errcode).toBe(45009);
    simulator.state.failNext(-1, 1, "/cgi-bin/openapi/quota/get");
    expect((await quota({ cgi_path: "/cgi-bin/qrcode/create" })).errcode).toBe(-1);
    expect((await quota({ cgi_path: "/cgi-bin/qrcode/create" })).errcode).toBe(0);
  });
});

describe("simulator followers", () => {
  it("reports followers through user/info, user/get (paged) and batchget", async () => {
    const { state } = simulator;
    state.userPageSize = 2;
    for (const openid of ["o1", "o2", "o3"]) state.recordEvent(APP_ID, "subscribe", openid, openid === "o1" ? "p_str" : undefined, 1700000000);
    state.recordEvent(APP_ID, "unsubscribe", "o2");
    expect(await call(`/cgi-bin/user/info?access_token=${token}&openid=o1&lang=zh_CN`)).toMatchObject({ subscribe: 1, qr_scene: 0, qr_scene_str: "p_str", subscribe_time: 1700000000 });
    expect(await call(`/cgi-bin/user/info?access_token=${token}&openid=o2`)).toEqual({ subscribe: 0, openid: "o2" });
    expect((await call(`/cgi-bin/user/info?access_token=${token}&openid=nobody`)).errcode).toBe(40003);
    state.recordEvent(APP_ID, "subscribe", "o4");
    const first = await call(`/cgi-bin/user/get?access_token=${token}`);
    expect(first).toEqual({ total: 3, count: 2, data: { openid: ["o1", "o3"] }, next_openid: "o3" });
    const second = await call(`/cgi-bin/user/get?access_token=${token}&next_openid=o3`);
    expect(second).toEqual({ total: 3, count: 1, data: { openid: ["o4"] }, next_openid: "o4" });
    expect(await call(`/cgi-bin/user/get?access_token=${token}&next_openid=o4`)).toEqual({ total: 3, count: 0, next_openid: "" });
    const batch = await call(`/cgi-bin/user/info/batchget?access_token=${token}`, { user_list: [{ openid: "o1" }, { openid: "o2" }] });
    expect((batch.user_info_list as unknown[]).length).toBe(2);
    const tooMany = { user_list: Array.from({ length: 101 }, () => ({ openid: "o1" })) };
    expect((await call(`/cgi-bin/user/info/batchget?access_token=${token}`, tooMany)).errcode).toBe(40032);
  });
});
