import { describe, expect, it } from "vitest";
import { matchReplyRule, ruleReply, type ReplyRule } from "./match-reply-rule";

const rule = (trigger: string, keyword = "", content = keyword): ReplyRule => ({ trigger, keyword, kind: "text", content, mediaId: null, title: null, description: null, picUrl: null, url: null });
const rules = [rule("exact", "菜单", "menu"), rule("contains", "价格", "prices"), rule("default", "", "default"), rule("follow", "", "follow")];
const text = (content: string) => ({ msgType: "text", content });

describe("matchReplyRule", () => {
  it("matches exact on the trimmed text and contains anywhere, in order", () => {
    expect(matchReplyRule(rules, text(" 菜单 "))?.content).toBe("menu");
    expect(matchReplyRule(rules, text("菜单呢"))?.content).toBe("default"); // exact means the whole text
    expect(matchReplyRule(rules, text("你们的价格是多少"))?.content).toBe("prices");
  });

  it("answers other messages with the default rule, a follow with the follow rule, other events with nothing", () => {
    expect(matchReplyRule(rules, { msgType: "image" })?.content).toBe("default");
    expect(matchReplyRule(rules, { msgType: "event", event: "subscribe" })?.content).toBe("follow");
    expect(matchReplyRule(rules, { msgType: "event", event: "CLICK" })).toBeNull();
    expect(matchReplyRule([rule("exact", "x")], text("y"))).toBeNull();
  });

  it("turns a rule into the reply builder's shape", () => {
    expect(ruleReply({ ...rule("exact", "a"), kind: "image", mediaId: "M" })).toEqual({ kind: "image", mediaId: "M" });
  });
});
