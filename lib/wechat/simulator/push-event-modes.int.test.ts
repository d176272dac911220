import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decryptMessage } from "../crypto/decrypt-message";
import { buildEncryptedReply, buildTextReply } from "../crypto/encrypted-reply";
import { verifyMsgSignature } from "../crypto/message-signature";
import { parseEncryptedEnvelope, parseWechatXml, type WechatMessage } from "../parse-message";
import { verifySignature } from "../verify-signature";
import { pushEvent, verifyUrl } from "./push-event";
import { startSimulator } from "./start-simulator";

const TOKEN = "callbacktoken";
const APP_ID = "wx1234567890abcdef";
const AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
type Received = { query: URLSearchParams; body: string; plaintext?: string; message?: WechatMessage };
type Answer = (message: WechatMessage) => string;
let received: Received[];
let answer: Answer;
let server: http.Server;
let callbackUrl: string;

// A stand-in callback that checks both signatures, decrypts with decryptMessage and answers what `answer` says.
function handle(query: URLSearchParams, body: string): { status: number; text: string } {
  const signed = { token: TOKEN, timestamp: query.get("timestamp"), nonce: query.get("nonce") };
  if (!verifySignature({ ...signed, signature: query.get("signature") })) return { status: 403, text: "bad signature" };
  if (query.has("echostr")) return { status: 200, text: query.get("echostr")! };
  const entry: Received = { query, body };
  received.push(entry);
  if (query.get("encrypt_type") !== "aes") return { status: 200, text: answer((entry.message = parseWechatXml(body))) };
  const { encrypt } = parseEncryptedEnvelope(body);
  if (!verifyMsgSignature({ ...signed, encrypt, msgSignature: query.get("msg_signature") })) return { status: 403, text: "bad msg_signature" };
  entry.plaintext = decryptMessage({ encrypt, appId: APP_ID, encodingAesKeys: [AES_KEY] }).message;
  return { status: 200, text: answer((entry.message = parseWechatXml(entry.plaintext))) };
}

const welcome = (message: WechatMessage) => buildTextReply({ toUser: message.fromUserName, fromUser: message.toUserName, content: "欢迎 ]]> 关注", createTime: 1700000000 });
const push = (extra: Partial<Parameters<typeof pushEvent>[0]> = {}) =>
  pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "o_follower", scene: "7", toUserName: "gh_abc", appId: APP_ID, encodingAesKey: AES_KEY, ...extra });

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const { status, text } = handle(new URL(request.url ?? "/", "http://x").searchParams, body);
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wechat/${APP_ID}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  received = [];
  answer = () => "success";
});

describe("pushEvent modes", () => {
  it("plain: the XML alone, without encrypt_type or msg_signature", async () => {
    expect(await push({ mode: "plain" })).toEqual({ status: 200, body: "success" });
    const [{ query, message }] = received;
    expect([query.has("encrypt_type"), query.has("msg_signature"), query.get("openid")]).toEqual([false, false, "o_follower"]);
    expect(message).toMatchObject({ event: "subscribe", eventKey: "qrscene_7" });
  });

  it("compatible: the plain fields plus an Encrypt of the whole plaintext XML, signed with msg_signature", async () => {
    expect((await push({ mode: "compatible" })).status).toBe(200);
    const [{ query, body, plaintext, message }] = received;
    expect(query.get("encrypt_type")).toBe("aes");
    expect(parseWechatXml(body)).toMatchObject({ fromUserName: "o_follower", event: "subscribe", eventKey: "qrscene_7", encrypt: expect.any(String) });
    expect(body.replace(/<Encrypt>.*<\/Encrypt>/, "")).toBe(plaintext);
    expect(message).toMatchObject({ toUserName: "gh_abc", fromUserName: "o_follower", event: "subscribe", eventKey: "qrscene_7" });
  });

  it("safe: only ToUserName and Encrypt, as WeChat sends it", async () => {
    expect((await push({ mode: "safe", event: "SCAN" })).status).toBe(200);
    const [{ query, body, message }] = received;
    expect(body).toMatch(/^<xml><ToUserName><!\[CDATA\[gh_abc\]\]><\/ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><\/xml>$/);
    expect([...query.keys()].sort()).toEqual(["encrypt_type", "msg_signature", "nonce", "openid", "signature", "timestamp"]);
    expect(message).toMatchObject({ event: "SCAN", eventKey: "7", fromUserName: "o_follower" });
  });

  it("safe: decrypts an encrypted passive reply after checking its MsgSignature", async () => {
    answer = (message) => buildEncryptedReply({ replyXml: welcome(message), appId: APP_ID, encodingAesKey: AES_KEY, token: TOKEN });
    const result = await push({ mode: "safe" });
    expect(result.replyError).toBeUndefined();
    expect(result.reply).toBe(welcome(received[0].message!));
    answer = (message) => buildEncryptedReply({ replyXml: welcome(message), appId: APP_ID, encodingAesKey: AES_KEY, token: "othertoken" });
    expect((await push({ mode: "safe" })).replyError).toMatch(/bad MsgSignature/);
  });

  it("reports plain replies as they are, and flags them in safe mode", async () => {
    answer = welcome;
    const compatible = await push({ mode: "compatible" });
    expect([compatible.reply, compatible.replyError]).toEqual([welcome(received[0].message!), undefined]);
    expect((await push({ mode: "safe" })).replyError).toMatch(/needs it encrypted/);
    answer = () => "{}";
    expect((await push({ mode: "plain" })).replyError).toMatch(/该公众号暂时无法提供服务/);
  });

  it("lets tests override the msg_signature, the plaintext and the raw body", async () => {
    expect((await push({ mode: "safe", msgSignature: "0".repeat(40) })).body).toBe("bad msg_signature");
    const text = "<xml><ToUserName><![CDATA[gh_abc]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType></xml>";
    await push({ mode: "safe", xml: text });
    expect(received.at(-1)?.plaintext).toBe(text);
    await push({ mode: "plain", body: text });
    expect(received.at(-1)?.body).toBe(text);
  });

  it("needs an AES key and an AppID outside plain mode; the URL check stays plain", async () => {
    await expect(push({ mode: "safe", encodingAesKey: undefined })).rejects.toThrow(/encodingAesKey and appId/);
    await expect(push({ mode: "compatible", appId: undefined })).rejects.toThrow(/encodingAesKey and appId/);
    expect((await verifyUrl({ callbackUrl, token: TOKEN })).matched).toBe(true);
  });

  it("records the event in a simulator in another process, with the ticket it issued", async () => {
    const simulator = await startSimulator();
    simulator.state.tickets.set("gQremote", { appId: APP_ID, action: "QR_LIMIT_SCENE", scene: "7", url: "http://weixin.qq.com/q/r" });
    await push({ mode: "safe", simulatorUrl: simulator.url, createTime: 1700000002 });
    expect(received[0].message?.ticket).toBe("gQremote");
    expect(simulator.state.followersOf(APP_ID).get("o_follower")).toMatchObject({ subscribe: 1, qr_scene: 7, subscribe_time: 1700000002 });
    await simulator.close();
  });
});
