import { describe, expect, it } from "vitest";
import type { FollowReplySpec } from "./follow-reply-schema";
import { pickFollowReply, type SceneCandidates } from "./pick-follow-reply";

const none = { content: null, mediaId: null, title: null, description: null, picUrl: null, url: null };
const text = (content: string): FollowReplySpec => ({ ...none, kind: "text", content });
const image = (mediaId: string): FollowReplySpec => ({ ...none, kind: "image", mediaId });
const news = (title: string): FollowReplySpec => ({ ...none, kind: "news", title, description: "d", url: "https://example.com/a" });
const scene = (over: Partial<SceneCandidates> = {}): SceneCandidates => ({ promoterName: "小李", promoterWelcome: null, code: null, promoter: null, campaigns: [], ...over });
const account = { welcomeText: "欢迎关注", reply: null };

describe("pickFollowReply", () => {
  const campaigns = [
    { startDay: "2026-12-01", endDay: "2026-12-07", reply: news("十二月活动") },
    { startDay: "2026-11-01", endDay: "2026-11-30", reply: news("十一月活动") },
  ];

  it("takes the code's reply over the campaign's, the promoter's and the account's", () => {
    const all = scene({ code: image("MEDIA_code"), campaigns, promoter: text("promoter row"), promoterWelcome: "promoter text" });
    expect(pickFollowReply({ welcomeText: "a", reply: text("account row") }, all, "2026-12-03")).toEqual({ kind: "image", mediaId: "MEDIA_code" });
  });

  it("takes the campaign whose window contains the follow's day, else falls to the promoter", () => {
    const s = scene({ campaigns, promoter: text("来自 {promoter}") });
    expect(pickFollowReply(account, s, "2026-12-07")).toMatchObject({ kind: "news", title: "十二月活动" });
    expect(pickFollowReply(account, s, "2026-11-01")).toMatchObject({ kind: "news", title: "十一月活动" });
    expect(pickFollowReply(account, s, "2026-12-08")).toEqual({ kind: "text", content: "来自 小李" });
  });

  it("prefers a promoter's follow reply row over its welcome text, and that over the account's", () => {
    expect(pickFollowReply(account, scene({ promoter: image("M1"), promoterWelcome: "old" }), "2026-12-01")).toEqual({ kind: "image", mediaId: "M1" });
    expect(pickFollowReply(account, scene({ promoterWelcome: "{promoter} 欢迎你" }), "2026-12-01")).toEqual({ kind: "text", content: "小李 欢迎你" });
    expect(pickFollowReply({ welcomeText: "old", reply: news("账号图文") }, scene(), "2026-12-01")).toMatchObject({ kind: "news", title: "账号图文" });
    expect(pickFollowReply(account, scene(), "2026-12-01")).toEqual({ kind: "text", content: "欢迎关注" });
  });

  it("sends no text naming a promoter to a follow without one, and nothing when nothing is set", () => {
    expect(pickFollowReply({ welcomeText: "{promoter} 推荐", reply: null }, null, "")).toBeNull();
    expect(pickFollowReply({ welcomeText: null, reply: text("感谢关注") }, null, "")).toEqual({ kind: "text", content: "感谢关注" });
    expect(pickFollowReply({ welcomeText: null, reply: null }, scene({ promoterName: null }), "2026-12-01")).toBeNull();
  });

  it("skips an incomplete row (an image without media_id) for the next level", () => {
    expect(pickFollowReply(account, scene({ code: { ...none, kind: "image" } }), "2026-12-01")).toEqual({ kind: "text", content: "欢迎关注" });
  });
});
