import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { db } from "@/lib/db";
import { checkAccountUpstream } from "@/lib/forward/check-upstream";
import { flushForwardFailures } from "@/lib/forward/forward-outcomes";
import { saveForwarding } from "@/lib/forward/save-forwarding";
import { flushCallbackCounters } from "@/lib/health/flush-callback-counters";
import { getCallbackHealth } from "@/lib/health/get-callback-health";
import { callbackCounters } from "@/lib/health/record-callback";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { forgetCallbackCaches } from "@/lib/ingest/forget-callback-caches";
import { addReplyRule } from "@/lib/replies/save-reply-rule";
import { checkReplyXml } from "@/lib/wechat/check-reply-xml";
import { openEncryptedReply } from "@/lib/wechat/crypto/open-encrypted-reply";
import { startUpstream, type UpstreamConfig } from "@/lib/wechat/simulator/upstream-backend";
import { resetDatabase } from "@/test/reset-database";
import { encryptedPushRequest, eventXml, pushRequest } from "@/test/wechat-push";
import { POST } from "./route";

// 消息转发 against a real upstream server (the simulator's upstream backend on its own port).
const APP_ID = "wx0123456789forwrd";
const TOKEN = "scenecodetoken";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const UP_TOKEN = "upstreamtoken";
const UP_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
const ctx = { params: Promise.resolve({ appId: APP_ID }) };
const actor = { email: "admin@example.com" };
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let accountId = "";

const textXml = (openid: string, content: string) =>
  `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
  `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${Date.now()}${Math.floor(Math.random() * 1000)}</MsgId></xml>`;
const plainText = (openid: string, content: string) => pushRequest({ appId: APP_ID, token: TOKEN, openid, event: "subscribe" }, textXml(openid, content));
const safeText = (openid: string, content: string) => encryptedPushRequest({ appId: APP_ID, token: TOKEN, encodingAesKey: KEY, openid, event: "subscribe", mode: "safe" }, textXml(openid, content));

async function send(request: Request) {
  forgetCallbackCaches();
  const startedAt = performance.now();
  const response = await POST(request, ctx);
  const answer = { status: response.status, text: await response.text(), ms: performance.now() - startedAt };
  await drainAttribution();
  return answer;
}
const content = (xml: string) => /<Content><!\[CDATA\[(.*?)\]\]><\/Content>/.exec(xml)?.[1];
const openSafe = (body: string) => openEncryptedReply({ body, token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] }).replyXml;
const configure = (config: Partial<UpstreamConfig>) => upstream.backend.configure({ appId: APP_ID, token: TOKEN, ...config });
const forwardTo = (extra: Record<string, unknown> = {}) => saveForwarding(accountId, { forwardUrl: `${upstream.url}/__upstream/${APP_ID}`, ...extra }, actor);
async function health() {
  await flushCallbackCounters();
  return (await getCallbackHealth(accountId)).forwarded;
}

beforeAll(async () => (upstream = await startUpstream()));
afterAll(() => upstream.close());
beforeEach(async () => {
  await resetDatabase();
  callbackCounters().drain();
  upstream.backend.configs.clear();
  upstream.backend.received.length = 0;
  accountId = (await db().account.create({ data: { name: "转发号", appId: APP_ID, appSecretEnc: "x", mode: "plain", ...sealAccountSecrets({ token: TOKEN }) } })).id;
});

describe("forwarding in plain mode", () => {
  it("forwards a text message re-signed for the upstream and returns its reply", async () => {
    configure({ text: "收到 {content}" });
    await forwardTo();
    const answer = await send(plainText("o_1", "你好"));
    expect(answer.status).toBe(200);
    expect(content(answer.text)).toBe("收到 你好");
    expect(checkReplyXml(answer.text, { openid: "o_1", accountId: "gh_test" })).toMatchObject({ ok: true });
    expect(upstream.backend.received).toHaveLength(1);
    expect(upstream.backend.received[0]).toMatchObject({ encrypted: false });
    expect((await health()).ok.count24h).toBe(1);
  });

  it("records a follow before forwarding it, and the upstream's reply wins over the welcome text", async () => {
    await db().account.update({ where: { id: accountId }, data: { welcomeText: "Scenecode 欢迎你" } });
    configure({ text: "backend welcome" });
    await forwardTo();
    const answer = await send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "o_f", event: "subscribe" }));
    expect(content(answer.text)).toBe("backend welcome");
    expect(await db().wechatEvent.count({ where: { fromUser: "o_f" } })).toBe(1);
    configure({ behaviour: "success" }); // the backend has nothing to say: Scenecode's welcome goes out
    const second = await send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "o_g", event: "subscribe" }));
    expect(content(second.text)).toBe("Scenecode 欢迎你");
    expect((await health()).empty.count24h).toBe(1);
  });

  it("answers success within the budget when the upstream is slow, and shows the failure", async () => {
    configure({ delayMs: 2500 });
    await forwardTo({ forwardTimeoutMs: 600 });
    const answer = await send(plainText("o_slow", "hi"));
    expect(answer).toMatchObject({ status: 200, text: "success" });
    expect(answer.ms).toBeLessThan(1500);
    expect((await health()).timeout.count24h).toBe(1);
    await flushForwardFailures();
    expect(await db().account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ forwardFailure: expect.stringMatching(/^timeout/) });
  });

  it("answers success when the upstream is down or fails, and falls back to a keyword reply", async () => {
    await saveForwarding(accountId, { forwardUrl: "http://127.0.0.1:1/down" }, actor);
    expect(await send(plainText("o_down", "hi"))).toMatchObject({ status: 200, text: "success" });
    configure({ behaviour: "status500" });
    await forwardTo();
    await addReplyRule(accountId, { trigger: "contains", keyword: "价格", kind: "text", content: "价格表见菜单" }, actor);
    const r500 = await send(plainText("o_500", "请问价格"));
    expect(content(r500.text)).toBe("价格表见菜单");
    configure({ behaviour: "garbage" });
    const bad = await send(plainText("o_bad", "价格?"));
    expect(content(bad.text)).toBe("价格表见菜单");
    const forwarded = await health();
    expect([forwarded.error.count24h, forwarded.bad_reply.count24h]).toEqual([2, 1]);
  });

  it("stops reading a reply past 64 KiB and counts it as invalid", async () => {
    const huge = http.createServer((_req, res) => res.end(`<xml>${"x".repeat(200_000)}</xml>`));
    await new Promise<void>((resolve) => huge.listen(0, "127.0.0.1", resolve));
    try {
      await saveForwarding(accountId, { forwardUrl: `http://127.0.0.1:${(huge.address() as AddressInfo).port}/` }, actor);
      expect(await send(plainText("o_huge", "hi"))).toMatchObject({ status: 200, text: "success" });
      expect((await health()).bad_reply.count24h).toBe(1);
    } finally {
      huge.closeAllConnections();
      huge.close();
    }
  });

  it("checks the upstream URL the way WeChat does: signature and echostr", async () => {
    await forwardTo();
    expect(await checkAccountUpstream(accountId)).toMatchObject({ ok: false, status: 404 }); // not configured there yet
    configure({});
    expect(await checkAccountUpstream(accountId)).toMatchObject({ ok: true, status: 200 });
    configure({ token: "anothertoken" });
    expect(await checkAccountUpstream(accountId)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a URL that is the account's own callback, and changes nothing", async () => {
    await expect(saveForwarding(accountId, { forwardUrl: `http://127.0.0.1:3000/api/wechat/${APP_ID}` }, actor)).rejects.toThrow(/urlLoops/);
    await expect(saveForwarding(accountId, { forwardUrl: "ftp://example.com/x" }, actor)).rejects.toThrow(/urlInvalid/);
    expect((await db().account.findUniqueOrThrow({ where: { id: accountId } })).forwardUrl).toBeNull();
  });
});

describe("forwarding in safe mode", () => {
  beforeEach(async () => {
    await db().account.update({ where: { id: accountId }, data: { mode: "safe", ...sealAccountSecrets({ token: TOKEN, encodingAesKey: KEY }) } });
  });

  it("re-encrypts for an upstream with the same key and re-encrypts its reply for WeChat", async () => {
    configure({ encodingAesKey: KEY, text: "safe {content}" });
    await forwardTo();
    const answer = await send(safeText("o_s", "加密"));
    expect(upstream.backend.received[0]).toMatchObject({ encrypted: true });
    expect(content(openSafe(answer.text))).toBe("safe 加密");
  });

  it("uses the upstream's own Token and EncodingAESKey when they differ", async () => {
    configure({ token: UP_TOKEN, encodingAesKey: UP_KEY, text: "other keys {content}" });
    await forwardTo({ forwardToken: UP_TOKEN, forwardAesKey: UP_KEY });
    const answer = await send(safeText("o_k", "x"));
    expect(content(openSafe(answer.text))).toBe("other keys x"); // sealed with the account's key for WeChat
    expect(await checkAccountUpstream(accountId)).toMatchObject({ ok: true });
  });

  it("drops a reply sealed with a key it cannot open, counting a bad reply", async () => {
    configure({ encodingAesKey: KEY, behaviour: "wrongKey" });
    await forwardTo();
    expect(await send(safeText("o_w", "x"))).toMatchObject({ status: 200, text: "success" });
    expect((await health()).bad_reply.count24h).toBe(1);
  });

  it("stores a follow even when forwarding then fails", async () => {
    await saveForwarding(accountId, { forwardUrl: "http://127.0.0.1:1/down" }, actor);
    const follow = encryptedPushRequest({ appId: APP_ID, token: TOKEN, encodingAesKey: KEY, openid: "o_sf", event: "subscribe", mode: "safe" }, eventXml({ openid: "o_sf", event: "subscribe" }));
    expect(await send(follow)).toMatchObject({ status: 200, text: "success" });
    expect(await db().follower.count({ where: { openid: "o_sf" } })).toBe(1);
  });
});
