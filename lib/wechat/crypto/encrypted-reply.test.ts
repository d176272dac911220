import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { parseEncryptedEnvelope } from "../parse-message";
import { decryptMessage } from "./decrypt-message";
import { buildEncryptedReply, buildTextReply } from "./encrypted-reply";
import { verifyMsgSignature } from "./message-signature";
import { openEncryptedReply } from "./open-encrypted-reply";
import { WechatCryptoError } from "./wechat-crypto-error";

const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APP_ID = "wxb11529c136998cb6";
const TOKEN = "pamtest";
const parser = new XMLParser({ processEntities: false, parseTagValue: false });
const fieldsOf = (xml: string) => (parser.parse(xml) as { xml: Record<string, string> }).xml;

describe("buildTextReply", () => {
  it("swaps To/From into a passive text reply", () => {
    const xml = buildTextReply({ toUser: "o_follower", fromUser: "gh_account", content: "欢迎关注！", createTime: 1700000000 });
    expect(xml).toBe(
      "<xml><ToUserName><![CDATA[o_follower]]></ToUserName><FromUserName><![CDATA[gh_account]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[欢迎关注！]]></Content></xml>",
    );
  });

  it("keeps content with ]]> and markup intact", () => {
    const content = "a]]>b<Content>x</Content>]]]]>&amp;";
    const fields = fieldsOf(buildTextReply({ toUser: "o1", fromUser: "gh_1", content }));
    expect(fields.Content).toBe(content);
    expect(fields.MsgType).toBe("text");
    expect(Number(fields.CreateTime)).toBeGreaterThan(1_700_000_000);
  });
});

describe("buildEncryptedReply", () => {
  const replyXml = buildTextReply({ toUser: "o1", fromUser: "gh_1", content: "感谢关注 ]]> 🎉", createTime: 1700000000 });

  it("wraps the reply in a signed envelope that decrypts back to it", () => {
    const envelope = buildEncryptedReply({ replyXml, appId: APP_ID, encodingAesKey: KEY, token: TOKEN, timestamp: "1409304348", nonce: "xxxxxx" });
    expect(envelope).toMatch(/^<xml><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><MsgSignature><!\[CDATA\[[0-9a-f]{40}\]\]><\/MsgSignature><TimeStamp>1409304348<\/TimeStamp><Nonce><!\[CDATA\[xxxxxx\]\]><\/Nonce><\/xml>$/);
    const fields = fieldsOf(envelope);
    expect(verifyMsgSignature({ token: TOKEN, timestamp: fields.TimeStamp, nonce: fields.Nonce, encrypt: fields.Encrypt, msgSignature: fields.MsgSignature })).toBe(true);
    expect(decryptMessage({ encrypt: fields.Encrypt, appId: APP_ID, encodingAesKeys: [KEY] }).message).toBe(replyXml);
    expect(parseEncryptedEnvelope(envelope).encrypt).toBe(fields.Encrypt);
  });

  it("defaults the timestamp to now and the nonce to a fresh number", () => {
    const opened = openEncryptedReply({ body: buildEncryptedReply({ replyXml, appId: APP_ID, encodingAesKey: KEY, token: TOKEN }), token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] });
    expect(opened.replyXml).toBe(replyXml);
    expect(Math.abs(Number(opened.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(opened.nonce).toMatch(/^\d+$/);
  });

  it("refuses a timestamp that is not digits", () => {
    expect(() => buildEncryptedReply({ replyXml, appId: APP_ID, encodingAesKey: KEY, token: TOKEN, timestamp: "1</TimeStamp>" })).toThrow(WechatCryptoError);
  });
});

describe("openEncryptedReply", () => {
  const replyXml = "<xml><Content><![CDATA[hi]]></Content></xml>";
  const envelope = buildEncryptedReply({ replyXml, appId: APP_ID, encodingAesKey: KEY, token: TOKEN, timestamp: "1700000000", nonce: "42" });
  const open = (body: string, token = TOKEN) => openEncryptedReply({ body, token, appId: APP_ID, encodingAesKeys: [KEY] });

  it("checks MsgSignature against the token and every signed field", () => {
    expect(open(envelope).replyXml).toBe(replyXml);
    expect(() => open(envelope, "othertoken")).toThrow(/bad MsgSignature/);
    expect(() => open(envelope.replace("<TimeStamp>1700000000", "<TimeStamp>1700000001"))).toThrow(/bad MsgSignature/);
    expect(() => open(envelope.replace("[42]", "[43]"))).toThrow(/bad MsgSignature/);
  });

  it("rejects envelopes that are malformed or miss a field", () => {
    expect(() => open("success")).toThrow(WechatCryptoError);
    expect(() => open("<xml><Encrypt>x</Encrypt></xml>")).toThrow(/no <MsgSignature>/);
    expect(() => open(envelope.replace("</xml>", ""))).toThrow(/well-formed/);
    expect(() => open(`<!DOCTYPE x>${envelope}`)).toThrow(WechatCryptoError);
  });
});
