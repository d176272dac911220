import { describe, expect, it } from "vitest";
import { decryptMessage } from "../wechat/crypto/decrypt-message";
import { buildEncryptedReply, buildTextReply } from "../wechat/crypto/encrypted-reply";
import { verifyMsgSignature } from "../wechat/crypto/message-signature";
import { parseEncryptedEnvelope } from "../wechat/parse-message";
import { verifySignature } from "../wechat/verify-signature";
import { buildForwardRequest, readUpstreamReply } from "./forward-push";

const APP_ID = "wx0123456789abcdef";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const xml = "<xml><ToUserName><![CDATA[gh_a]]></ToUserName><FromUserName><![CDATA[o_1]]></FromUserName></xml>";
const target = (aesKey: string | null) => ({ url: "http://127.0.0.1:9/up?x=1", token: "uptoken", aesKey, timeoutMs: 1000 });
const base = { appId: APP_ID, openid: "o_1", ghId: "gh_a" };

describe("buildForwardRequest", () => {
  it("signs a plain push with the upstream's Token and keeps the URL's own query", () => {
    const { url, body } = buildForwardRequest({ ...base, target: target(null), xml });
    const q = url.searchParams;
    expect(verifySignature({ token: "uptoken", timestamp: q.get("timestamp")!, nonce: q.get("nonce"), signature: q.get("signature") })).toBe(true);
    expect([q.get("x"), q.get("openid"), q.has("encrypt_type"), body]).toEqual(["1", "o_1", false, xml]);
  });

  it("encrypts for an upstream with a key, with msg_signature over the ciphertext", () => {
    const { url, body } = buildForwardRequest({ ...base, target: target(KEY), xml });
    const q = url.searchParams;
    const { encrypt, toUserName } = parseEncryptedEnvelope(body);
    expect([q.get("encrypt_type"), toUserName]).toEqual(["aes", "gh_a"]);
    expect(verifyMsgSignature({ token: "uptoken", timestamp: q.get("timestamp"), nonce: q.get("nonce"), encrypt, msgSignature: q.get("msg_signature") })).toBe(true);
    expect(decryptMessage({ encrypt, appId: APP_ID, encodingAesKeys: [KEY] }).message).toBe(xml);
  });
});

describe("readUpstreamReply", () => {
  const reply = buildTextReply({ toUser: "o_1", fromUser: "gh_a", content: "hi" });
  it("reads success and empty as no reply, and a checked plain or encrypted reply as one", () => {
    expect(readUpstreamReply(" success\n", { ...base, target: target(null) })).toEqual({ replyXml: null });
    expect(readUpstreamReply("", { ...base, target: target(null) })).toEqual({ replyXml: null });
    expect(readUpstreamReply(reply, { ...base, target: target(null) })).toEqual({ replyXml: reply });
    const sealed = buildEncryptedReply({ replyXml: reply, appId: APP_ID, encodingAesKey: KEY, token: "uptoken" });
    expect(readUpstreamReply(sealed, { ...base, target: target(KEY) })).toEqual({ replyXml: reply });
  });

  it("names the problem with a reply it cannot pass on", () => {
    const sealed = buildEncryptedReply({ replyXml: reply, appId: APP_ID, encodingAesKey: KEY, token: "othertoken" });
    expect(readUpstreamReply(sealed, { ...base, target: target(KEY) }).problem).toMatch(/MsgSignature/);
    expect(readUpstreamReply(sealed, { ...base, target: target(null) }).problem).toMatch(/no EncodingAESKey/);
    expect(readUpstreamReply(reply, { ...base, openid: "o_2", target: target(null) }).problem).toMatch(/ToUserName/);
    expect(readUpstreamReply("<html>502</html>", { ...base, target: target(null) }).problem).toMatch(/xml/);
  });
});
