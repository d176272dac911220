import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/wechat/[appId]/route";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { openEncryptedReply } from "@/lib/wechat/crypto/open-encrypted-reply";
import { resetDatabase } from "@/test/reset-database";
import { encryptedPushRequest, pushRequest } from "@/test/wechat-push";
import { addReplyRule, deleteReplyRule, listReplyRules, moveReplyRule } from "./save-reply-rule";

// 自动回复 for an account without a backend: rules are stored per account, in order, and answer pushes.
const APP_ID = "wx0123456789replys";
const TOKEN = "replytoken";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const ctx = { params: Promise.resolve({ appId: APP_ID }) };
const actor = { email: "admin@example.com" };
let accountId = "";

const textXml = (openid: string, content: string, msgType = "text") =>
  `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
  `<MsgType><![CDATA[${msgType}]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>1234567890123456</MsgId></xml>`;
async function send(request: Request) {
  const response = await POST(request, ctx);
  const text = await response.text();
  await drainAttribution();
  return text;
}
const say = (content: string, msgType = "text") => send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "o_user", event: "subscribe" }, textXml("o_user", content, msgType)));
const field = (xml: string, name: string) => new RegExp(`<${name}><!\\[CDATA\\[(.*?)\\]\\]></${name}>`).exec(xml)?.[1];

beforeEach(async () => {
  await resetDatabase();
  accountId = (await db().account.create({ data: { name: "回复号", appId: APP_ID, appSecretEnc: "x", ...sealAccountSecrets({ token: TOKEN }) } })).id;
});

describe("reply rules", () => {
  it("stores rules per account in order, refuses a bad one and changes nothing", async () => {
    await addReplyRule(accountId, { trigger: "exact", keyword: "菜单", kind: "text", content: "1 价格 2 地址" }, actor);
    await addReplyRule(accountId, { trigger: "contains", keyword: "地址", kind: "news", title: "门店地址", description: "点击查看", url: "https://example.com/shops", picUrl: "" }, actor);
    await expect(addReplyRule(accountId, { trigger: "exact", keyword: "", kind: "text", content: "x" }, actor)).rejects.toThrow(/keywordRequired/);
    await expect(addReplyRule(accountId, { trigger: "contains", keyword: "图", kind: "image", mediaId: "bad id!" }, actor)).rejects.toThrow(/mediaIdInvalid/);
    await expect(addReplyRule(accountId, { trigger: "contains", keyword: "链", kind: "news", title: "t", url: "javascript:alert(1)" }, actor)).rejects.toThrow(/urlInvalid/);
    const rules = await listReplyRules(accountId);
    expect(rules.map((r) => [r.trigger, r.keyword, r.kind, r.position])).toEqual([["exact", "菜单", "text", 1], ["contains", "地址", "news", 2]]);
    expect(rules[1]).toMatchObject({ content: null, mediaId: null, url: "https://example.com/shops" });
    const other = await db().account.create({ data: { name: "别的号", appId: "wx0123456789other0", appSecretEnc: "x", tokenEnc: "x" } });
    expect(await deleteReplyRule(other.id, rules[0].id, actor)).toBe(false); // another account's rule is not touched
    expect(await deleteReplyRule(accountId, rules[0].id, actor)).toBe(true);
    expect(await listReplyRules(accountId)).toHaveLength(1);
    expect(await db().auditLog.count({ where: { action: { startsWith: "reply-rule." } } })).toBe(3);
  });

  it("keeps one default and one follow rule per account: saving one replaces the previous", async () => {
    await addReplyRule(accountId, { trigger: "default", kind: "text", content: "first" }, actor);
    await addReplyRule(accountId, { trigger: "default", kind: "text", content: "second", keyword: "ignored" }, actor);
    const rules = await listReplyRules(accountId);
    expect(rules.map((r) => [r.trigger, r.keyword, r.content])).toEqual([["default", "", "second"]]);
  });

  it("answers exact before contains in order, the default otherwise, and nothing for other events", async () => {
    await addReplyRule(accountId, { trigger: "contains", keyword: "价格", kind: "text", content: "价格表见菜单" }, actor);
    await addReplyRule(accountId, { trigger: "exact", keyword: "价格", kind: "image", mediaId: "MEDIA_price_1" }, actor);
    await addReplyRule(accountId, { trigger: "default", kind: "text", content: "稍后回复你" }, actor);
    expect(field(await say("请问价格"), "Content")).toBe("价格表见菜单");
    expect(field(await say(" 价格 "), "Content")).toBe("价格表见菜单"); // the first matching rule in order wins
    expect(field(await say("你好"), "Content")).toBe("稍后回复你");
    expect(field(await say("", "image"), "Content")).toBe("稍后回复你"); // the default answers media messages too
    const click = `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[o_user]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[M1]]></EventKey></xml>`;
    expect(await send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "o_user", event: "subscribe" }, click))).toBe("success");
  });

  it("reorders rules, and the new order decides which matching rule answers", async () => {
    const broad = await addReplyRule(accountId, { trigger: "contains", keyword: "价格", kind: "text", content: "broad" }, actor);
    const narrow = await addReplyRule(accountId, { trigger: "exact", keyword: "价格", kind: "text", content: "narrow" }, actor);
    expect(field(await say("价格"), "Content")).toBe("broad");
    expect(await moveReplyRule(accountId, narrow.id, "up", actor)).toBe(true);
    expect(field(await say("价格"), "Content")).toBe("narrow"); // the callback sees the new order at once
    expect(await moveReplyRule(accountId, narrow.id, "up", actor)).toBe(false); // already first
    expect(await moveReplyRule(accountId, broad.id, "down", actor)).toBe(false); // already last
    expect((await listReplyRules(accountId)).map((r) => [r.content, r.position])).toEqual([["narrow", 1], ["broad", 2]]);
  });

  it("answers a follow with the welcome text first, else the follow rule (news, encrypted in safe mode)", async () => {
    await db().account.update({ where: { id: accountId }, data: { mode: "safe", ...sealAccountSecrets({ token: TOKEN, encodingAesKey: KEY }) } });
    await addReplyRule(accountId, { trigger: "follow", kind: "news", title: "欢迎", description: "新人礼包", url: "https://example.com/gift", picUrl: "https://example.com/p.png" }, actor);
    const follow = (openid: string) => encryptedPushRequest({ appId: APP_ID, token: TOKEN, encodingAesKey: KEY, openid, event: "subscribe", mode: "safe" });
    const open = (body: string) => openEncryptedReply({ body, token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] }).replyXml;
    const news = open(await send(follow("o_a")));
    expect([field(news, "MsgType"), field(news, "Title"), field(news, "Url"), field(news, "ToUserName")]).toEqual(["news", "欢迎", "https://example.com/gift", "o_a"]);
    expect(await db().wechatEvent.count({ where: { fromUser: "o_a" } })).toBe(1);
    await db().account.update({ where: { id: accountId }, data: { welcomeText: "欢迎关注" } });
    const { forgetCallbackCaches } = await import("@/lib/ingest/forget-callback-caches");
    forgetCallbackCaches();
    expect(field(open(await send(follow("o_b"))), "Content")).toBe("欢迎关注");
  });
});
