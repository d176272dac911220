import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../env";
import { wechatRequest } from "../api-client";
import { WechatApiError } from "../wechat-error";
import { readCustomMessages, recordSimulatorEvent, recordSimulatorMessage } from "./control-simulator";
import { CUSTOM_MESSAGE_WINDOW_S } from "./simulator-custom-messages";
import { startSimulator, type RunningSimulator } from "./start-simulator";

// The simulator's 客服消息, driven over HTTP the way a simulator in another process (e2e) is.
const APP_ID = "wx1234567890custom";
const SECRET = "0123456789abcdef0123456789abcdef";
const SEND = "/cgi-bin/message/custom/send";
let simulator: RunningSimulator;
let token: string;

const send = (touser: string, content = "hi") => wechatRequest(SEND, { query: { access_token: token }, body: { touser, msgtype: "text", text: { content } } });
const errcodeOf = (promise: Promise<unknown>) => promise.then(() => 0, (e: unknown) => (e instanceof WechatApiError ? e.errcode : -999));

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appId: APP_ID, secret: SECRET }] });
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
  token = (await wechatRequest<{ access_token: string }>("/cgi-bin/stable_token", { body: { grant_type: "client_credential", appid: APP_ID, secret: SECRET } })).access_token;
});
afterAll(() => simulator.close());
beforeEach(() => simulator.state.customMessages.clear());

describe("POST /cgi-bin/message/custom/send", () => {
  it("refuses a follower who never wrote (45015), accepts within 48 hours of their message, and lists what was sent", async () => {
    expect(await errcodeOf(send("o_quiet"))).toBe(45015);
    await recordSimulatorMessage(simulator.url, { appId: APP_ID, openid: "o_talks" });
    await send("o_talks", "你的专属链接 https://example.com/p/x");
    expect(await readCustomMessages(simulator.url)).toEqual([expect.objectContaining({ appId: APP_ID, touser: "o_talks", msgtype: "text", content: "你的专属链接 https://example.com/p/x" })]);
  });

  it("counts a follow or scan as an interaction, and closes the window 48 hours after the last one", async () => {
    await recordSimulatorEvent(simulator.url, { appId: APP_ID, event: "SCAN", openid: "o_scan", scene: "1" });
    expect(await errcodeOf(send("o_scan"))).toBe(0);
    const old = Math.floor(Date.now() / 1000) - CUSTOM_MESSAGE_WINDOW_S - 5;
    await recordSimulatorMessage(simulator.url, { appId: APP_ID, openid: "o_old", createTime: old });
    expect(await errcodeOf(send("o_old"))).toBe(45015);
  });

  it("refuses a malformed body (47001), an unknown token (40001), and injected faults", async () => {
    await recordSimulatorMessage(simulator.url, { appId: APP_ID, openid: "o_a" });
    expect(await errcodeOf(wechatRequest(SEND, { query: { access_token: token }, body: { touser: "o_a", msgtype: "text" } }))).toBe(47001);
    expect(await errcodeOf(wechatRequest(SEND, { query: { access_token: "nope" }, body: { touser: "o_a", msgtype: "text", text: { content: "x" } } }))).toBe(40001);
    simulator.state.failNext(45047, 1, SEND);
    expect(await errcodeOf(send("o_a"))).toBe(45047);
    expect(await errcodeOf(send("o_a"))).toBe(0);
    const refused = await fetch(`${simulator.url}/__simulator/messages`, { method: "POST", body: JSON.stringify({ appId: APP_ID }) });
    expect(refused.status).toBe(400);
  });
});
