import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushEvent, verifyUrl } from "./push-event";
import { startSimulator, type RunningSimulator } from "./start-simulator";

// The simulator in its upstream role: a WeChat-style backend on /__upstream/{appId}.
const APP_ID = "wx00000000upstream";
const TOKEN = "uptoken";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
let simulator: RunningSimulator;
const callbackUrl = () => `${simulator.url}/__upstream/${APP_ID}`;
const configure = (body: object) =>
  fetch(`${simulator.url}/__upstream/config`, { method: "POST", body: JSON.stringify({ appId: APP_ID, token: TOKEN, ...body }) }).then((r) => r.json());
const textXml = (openid: string, content: string, to = "gh_up") =>
  `<xml><ToUserName><![CDATA[${to}]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content></xml>`;

beforeAll(async () => (simulator = await startSimulator()));
afterAll(() => simulator.close());

describe("the simulator as an upstream backend", () => {
  it("passes WeChat's URL check only with its Token", async () => {
    expect(await configure({})).toEqual({ ok: true });
    expect((await verifyUrl({ callbackUrl: callbackUrl(), token: TOKEN })).matched).toBe(true);
    expect((await verifyUrl({ callbackUrl: callbackUrl(), token: "wrongtoken" })).status).toBe(401);
  });

  it("answers a plain or safe-mode push with a reply that passes WeChat's checks", async () => {
    await configure({ encodingAesKey: KEY, text: "echo {content}" });
    const safe = await pushEvent({ callbackUrl: callbackUrl(), token: TOKEN, event: "subscribe", openid: "o_1", toUserName: "gh_up", xml: textXml("o_1", "你好"), mode: "safe", encodingAesKey: KEY, appId: APP_ID, strictReply: true });
    expect(safe.replyError).toBeUndefined();
    expect(safe.reply).toContain("<Content><![CDATA[echo 你好]]></Content>");
    expect(simulator.upstream.received.at(-1)).toMatchObject({ encrypted: true });
  });

  it("flags a reply WeChat would refuse: wrong key, wrong addressing, not XML", async () => {
    await configure({ encodingAesKey: KEY, behaviour: "wrongKey" });
    const sealed = await pushEvent({ callbackUrl: callbackUrl(), token: TOKEN, event: "subscribe", openid: "o_2", toUserName: "gh_up", xml: textXml("o_2", "x"), mode: "safe", encodingAesKey: KEY, appId: APP_ID });
    expect(sealed.replyError).toMatch(/invalid/);
    await configure({});
    const misaddressed = await pushEvent({ callbackUrl: callbackUrl(), token: TOKEN, event: "subscribe", openid: "o_3", toUserName: "gh_other", xml: textXml("o_3", "x", "gh_up"), strictReply: true });
    expect(misaddressed.replyError).toMatch(/FromUserName/);
    await configure({ behaviour: "garbage" });
    expect((await pushEvent({ callbackUrl: callbackUrl(), token: TOKEN, event: "subscribe", openid: "o_4", xml: textXml("o_4", "x") })).replyError).toMatch(/neither/);
  });
});
