import { describe, expect, it } from "vitest";
import { parseEncryptedEnvelope, parseWechatXml, sceneFromEventKey, WechatXmlError } from "./parse-message";
import { buildCorpusXml, CORPUS_NAMES, PUSH_CORPUS } from "./simulator/push-corpus";

const subscribe = `<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[openid]]></FromUserName>
<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>
<EventKey><![CDATA[qrscene_123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>`;

const event = (fields: string) =>
  `<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>${fields}</xml>`;

describe("parseWechatXml", () => {
  it("parses the subscribe example from WeChat's documentation", () => {
    expect(parseWechatXml(subscribe)).toEqual({
      toUserName: "gh_account",
      fromUserName: "openid",
      createTime: 1700000000,
      msgType: "event",
      event: "subscribe",
      eventKey: "qrscene_123",
      ticket: "TICKET",
    });
  });

  it("keeps values as strings: leading zeros survive, with or without CDATA", () => {
    const scan = parseWechatXml(event("<Event><![CDATA[SCAN]]></Event><EventKey>0012</EventKey>"));
    expect(scan.eventKey).toBe("0012");
    expect(parseWechatXml(event("<Event>SCAN</Event><EventKey><![CDATA[0012]]></EventKey>")).eventKey).toBe("0012");
  });

  it("reads unsubscribe with an empty or missing EventKey", () => {
    const empty = parseWechatXml(event("<Event><![CDATA[unsubscribe]]></Event><EventKey><![CDATA[]]></EventKey>"));
    expect(empty.event).toBe("unsubscribe");
    expect(empty.eventKey).toBe("");
    const missing = parseWechatXml(event("<Event><![CDATA[unsubscribe]]></Event>"));
    expect(missing.eventKey).toBeUndefined();
    expect(missing.ticket).toBeUndefined();
  });

  it("keeps the ciphertext of a compatible-mode push", () => {
    expect(parseWechatXml(event("<Encrypt><![CDATA[abc==]]></Encrypt>")).encrypt).toBe("abc==");
  });

  it("accepts an XML declaration and ignores unknown fields", () => {
    const message = parseWechatXml(`<?xml version="1.0" encoding="UTF-8"?>${event("<PicUrl>http://x/p.png</PicUrl><MsgId>1</MsgId>")}`);
    expect(message).not.toHaveProperty("PicUrl");
    expect(Object.keys(message).sort()).toEqual(["createTime", "fromUserName", "msgType", "toUserName"]);
  });

  it("reads a text message's Content (keyword replies match it)", () => {
    expect(parseWechatXml(event("<Content><![CDATA[ 价格 ]]></Content>")).content).toBe(" 价格 ");
  });

  it.each([
    ["not well-formed", "<xml><FromUserName>o</FromUserName>"],
    ["mismatched tags", "<xml><A></B></xml>"],
    ["not XML", "success"],
    ["empty", ""],
    ["two <xml> roots", `${event("")}${event("")}`],
    ["a second root of another name", `${event("")}<other/>`],
    ["another root name", "<root><FromUserName>o</FromUserName></root>"],
    ["text root", "<xml>hello</xml>"],
    ["a DOCTYPE", `<!DOCTYPE xml [<!ENTITY x "y">]>${event("<Event>&x;</Event>")}`],
    ["an ENTITY", `<!entity x SYSTEM "file:///etc/passwd">${event("")}`],
    ["a lower-case doctype", `<!doctype xml>${event("")}`],
    ["missing FromUserName", "<xml><ToUserName>gh</ToUserName><CreateTime>1</CreateTime><MsgType>event</MsgType></xml>"],
    ["empty FromUserName", event("").replace(/<FromUserName>.*<\/FromUserName>/, "<FromUserName></FromUserName>")],
    ["missing MsgType", event("").replace(/<MsgType>.*<\/MsgType>/, "")],
    ["non-numeric CreateTime", event("").replace("1700000000", "17e8")],
    ["negative CreateTime", event("").replace("1700000000", "-1")],
    ["huge CreateTime", event("").replace("1700000000", "99999999999999999999")],
    ["a repeated field", event("<Event>subscribe</Event><Event>SCAN</Event>")],
    ["a nested field", event("<Event><a>1</a></Event>")],
    ["a 10 KB EventKey", event(`<Event>SCAN</Event><EventKey>${"1".repeat(10_240)}</EventKey>`)],
    ["a 200-char FromUserName", event("").replace("o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "o".repeat(200))],
  ])("rejects %s", (_, body) => {
    expect(() => parseWechatXml(body)).toThrow(WechatXmlError);
  });

  it.each(CORPUS_NAMES)("reads the documented %s push, nested elements and all", (name) => {
    const message = parseWechatXml(buildCorpusXml(name, { openid: "oDoc_1-x", createTime: 1700000000, toUserName: "gh_account", scene: "12" }));
    const entry = PUSH_CORPUS[name] as { msgType: string; tracked?: string };
    expect(message).toMatchObject({ toUserName: "gh_account", fromUserName: "oDoc_1-x", createTime: 1700000000, msgType: entry.msgType });
    expect(message.event).toBe(entry.msgType === "event" ? (entry.tracked ?? name) : undefined);
  });

  const nested = buildCorpusXml("scancode_push", { openid: "o1", createTime: 1700000000, toUserName: "gh" });
  const popup = buildCorpusXml("subscribe_msg_popup_event", { openid: "o1", createTime: 1700000000, toUserName: "gh" });
  it.each([
    ["a nested push that is not well-formed", nested.replace("</ScanType>", "")],
    ["a nested push with a DOCTYPE", `<!DOCTYPE xml [<!ENTITY x "y">]>${nested}`],
    ["two roots with nested content", `${nested}${popup}`],
    ["a repeated top-level element", popup.replace("<SubscribeMsgPopupEvent>", "<Extra>1</Extra><Extra>2</Extra><SubscribeMsgPopupEvent>")],
    ["a nested MsgType", nested.replace("<MsgType><![CDATA[event]]></MsgType>", "<MsgType><a>event</a></MsgType>")],
    ["nesting past 16 levels", event(`${"<a>".repeat(20)}x${"</a>".repeat(20)}`)],
    ["__proto__ nested in an unknown element", event("<Info><__proto__><polluted>yes</polluted></__proto__></Info>")],
  ])("rejects %s", (_, body) => {
    expect(() => parseWechatXml(body)).toThrow(WechatXmlError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses __proto__ and constructor elements without polluting prototypes", () => {
    const payloads = [
      event("<__proto__><polluted>yes</polluted></__proto__>"),
      event("<constructor><prototype><polluted>yes</polluted></prototype></constructor>"),
      "<xml><__proto__><FromUserName>x</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType></__proto__><ToUserName>gh</ToUserName></xml>",
    ];
    for (const body of payloads) expect(() => parseWechatXml(body)).toThrow(WechatXmlError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).FromUserName).toBeUndefined();
  });

  it("leaves entities unexpanded", () => {
    expect(parseWechatXml(event("<Event>a&amp;b</Event>")).event).toBe("a&amp;b");
  });
});

describe("parseEncryptedEnvelope", () => {
  it("reads a safe-mode envelope", () => {
    const body = "<xml><ToUserName><![CDATA[gh_account]]></ToUserName><Encrypt><![CDATA[jn1L23DB+6ELqJ+6bruv21Y6MD7K==]]></Encrypt></xml>";
    expect(parseEncryptedEnvelope(body)).toEqual({ toUserName: "gh_account", encrypt: "jn1L23DB+6ELqJ+6bruv21Y6MD7K==" });
    expect(() => parseWechatXml(body)).toThrow(WechatXmlError);
  });

  it("rejects an envelope without ciphertext", () => {
    expect(() => parseEncryptedEnvelope("<xml><ToUserName>gh</ToUserName><Encrypt></Encrypt></xml>")).toThrow(WechatXmlError);
    expect(() => parseEncryptedEnvelope(subscribe)).toThrow(WechatXmlError);
  });
});

describe("sceneFromEventKey", () => {
  it("strips qrscene_ from a subscribe, only at the start", () => {
    expect(sceneFromEventKey("subscribe", "qrscene_123")).toBe("123");
    expect(sceneFromEventKey("subscribe", "qrscene_0012")).toBe("0012");
    expect(sceneFromEventKey("subscribe", "qrscene_qrscene_5")).toBe("qrscene_5");
    expect(sceneFromEventKey("subscribe", "xqrscene_5")).toBeNull();
    expect(sceneFromEventKey("subscribe", "123")).toBeNull();
    expect(sceneFromEventKey("subscribe", "qrscene_")).toBeNull();
  });

  it("returns the bare key of a SCAN", () => {
    expect(sceneFromEventKey("SCAN", "123")).toBe("123");
    expect(sceneFromEventKey("SCAN", "p_abc")).toBe("p_abc");
    expect(sceneFromEventKey("SCAN", "")).toBeNull();
    expect(sceneFromEventKey("scan", "123")).toBeNull();
  });

  it("returns null for a plain follow, an unfollow and other events", () => {
    expect(sceneFromEventKey("subscribe", "")).toBeNull();
    expect(sceneFromEventKey("subscribe")).toBeNull();
    expect(sceneFromEventKey("unsubscribe", "")).toBeNull();
    expect(sceneFromEventKey("unsubscribe")).toBeNull();
    expect(sceneFromEventKey("CLICK", "qrscene_1")).toBeNull();
  });
});
