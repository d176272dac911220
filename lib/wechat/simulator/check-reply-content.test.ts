import { describe, expect, it } from "vitest";
import { buildPassiveReply } from "../passive-reply";
import { checkReplyContent } from "./check-reply-content";

const to = { toUser: "o_follower", fromUser: "gh_account" };
const owned = (id: string) => id === "MEDIA_ok";

describe("checkReplyContent", () => {
  it("accepts an image reply naming the account's material and a one-article news reply", () => {
    expect(checkReplyContent(buildPassiveReply({ ...to, reply: { kind: "image", mediaId: "MEDIA_ok" } }), owned)).toEqual({ ok: true });
    expect(checkReplyContent(buildPassiveReply({ ...to, reply: { kind: "news", title: "活动", description: "", picUrl: "", url: "https://example.com/x" } }), owned)).toEqual({ ok: true });
    expect(checkReplyContent(buildPassiveReply({ ...to, reply: { kind: "text", content: "hi" } }), owned)).toEqual({ ok: true });
  });

  it("refuses an unknown media_id and a news reply without one article, title or http(s) Url", () => {
    expect(checkReplyContent(buildPassiveReply({ ...to, reply: { kind: "image", mediaId: "MEDIA_gone" } }), owned)).toMatchObject({ ok: false, problem: expect.stringContaining("40007") });
    const base = "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[news]]></MsgType>";
    expect(checkReplyContent(`${base}<ArticleCount>2</ArticleCount><Articles><item><Title>a</Title><Url>https://x</Url></item><item><Title>b</Title><Url>https://y</Url></item></Articles></xml>`, owned)).toMatchObject({ ok: false });
    expect(checkReplyContent(`${base}<ArticleCount>1</ArticleCount><Articles><item><Title></Title><Url>https://x</Url></item></Articles></xml>`, owned)).toMatchObject({ ok: false, problem: expect.stringContaining("Title") });
    expect(checkReplyContent(`${base}<ArticleCount>1</ArticleCount><Articles><item><Title>t</Title><Url>javascript:1</Url></item></Articles></xml>`, owned)).toMatchObject({ ok: false, problem: expect.stringContaining("Url") });
  });
});
