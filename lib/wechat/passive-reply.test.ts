import { describe, expect, it } from "vitest";
import { checkReplyXml } from "./check-reply-xml";
import { buildPassiveReply } from "./passive-reply";

const to = { toUser: "o_follower", fromUser: "gh_account", createTime: 1700000000 };

describe("buildPassiveReply", () => {
  it("builds an image reply with the media_id", () => {
    expect(buildPassiveReply({ ...to, reply: { kind: "image", mediaId: "MEDIA_1" } })).toBe(
      "<xml><ToUserName><![CDATA[o_follower]]></ToUserName><FromUserName><![CDATA[gh_account]]></FromUserName><CreateTime>1700000000</CreateTime>" +
        "<MsgType><![CDATA[image]]></MsgType><Image><MediaId><![CDATA[MEDIA_1]]></MediaId></Image></xml>",
    );
  });

  it("builds a one-article news reply, splitting ]]> inside values", () => {
    const xml = buildPassiveReply({ ...to, reply: { kind: "news", title: "a]]>b", description: "d", picUrl: "https://x/p.png", url: "https://x/a" } });
    expect(xml).toContain("<ArticleCount>1</ArticleCount><Articles><item><Title><![CDATA[a]]]]><![CDATA[>b]]></Title>");
    expect(xml).toContain("<Url><![CDATA[https://x/a]]></Url></item></Articles>");
    expect(checkReplyXml(xml, { openid: "o_follower", accountId: "gh_account", nowS: 1700000010 })).toEqual({ ok: true, msgType: "news" });
  });
});

describe("checkReplyXml", () => {
  const text = buildPassiveReply({ ...to, reply: { kind: "text", content: "hi" } });
  const check = (xml: string, over = {}) => checkReplyXml(xml, { openid: "o_follower", accountId: "gh_account", nowS: 1700000000, ...over });

  it("accepts a reply addressed to the follower from the account, made now", () => {
    expect(check(text)).toEqual({ ok: true, msgType: "text" });
  });

  it("refuses what WeChat would not deliver", () => {
    expect(check("<xml><ToUserName>o</xml>")).toMatchObject({ ok: false, problem: /well-formed/ });
    expect(check(text, { openid: "o_other" })).toMatchObject({ ok: false, problem: /ToUserName/ });
    expect(check(text, { accountId: "gh_other" })).toMatchObject({ ok: false, problem: /FromUserName/ });
    expect(check(text, { nowS: 1700000000 + 3600 })).toMatchObject({ ok: false, problem: /CreateTime/ });
    expect(check(text.replace("[text]", "[json]"))).toMatchObject({ ok: false, problem: /MsgType/ });
    expect(check('<!DOCTYPE x [<!ENTITY e "x">]><xml></xml>')).toMatchObject({ ok: false });
  });
});
