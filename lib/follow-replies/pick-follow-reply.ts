// Which reply a follow gets: code > campaign (the one whose window contains the follow's day) >
// promoter > account. At the promoter and account levels a FollowReply row wins over the older
// welcomeText column of the same level. The console-style "follow" ReplyRule comes after all of these
// (lib/ingest/receive/compose-answer.ts).
import type { ReplyContent } from "../wechat/passive-reply";
import { specReply, type FollowReplySpec } from "./follow-reply-schema";

export type SceneCandidates = {
  promoterName: string | null;
  promoterWelcome: string | null;
  code: FollowReplySpec | null;
  promoter: FollowReplySpec | null;
  campaigns: { startDay: string; endDay: string; reply: FollowReplySpec }[];
};

export type AccountCandidates = { welcomeText: string | null; reply: FollowReplySpec | null };

const textOf = (content: string): FollowReplySpec => ({ kind: "text", content, mediaId: null, title: null, description: null, picUrl: null, url: null });

/**
 * The reply for a follow on `day` (YYYY-MM-DD in the account's zone) through a scene (null: organic
 * follow or an unknown scene), or null for none. Text keeps {promoter}: it becomes the promoter's
 * name, and a text naming a promoter is not sent to a follow that came through none.
 */
export function pickFollowReply(account: AccountCandidates, scene: SceneCandidates | null, day: string): ReplyContent | null {
  const campaign = scene?.campaigns.find((c) => c.startDay <= day && day <= c.endDay)?.reply ?? null;
  const ordered = [
    scene?.code,
    campaign,
    scene?.promoter,
    scene?.promoterWelcome ? textOf(scene.promoterWelcome) : null,
    account.reply,
    account.welcomeText ? textOf(account.welcomeText) : null,
  ];
  for (const spec of ordered) {
    const reply = spec ? specReply(spec) : null;
    if (!reply) continue;
    if (reply.kind !== "text") return reply;
    const name = scene?.promoterName ?? null;
    if (!name && reply.content.includes("{promoter}")) return null;
    return name ? { kind: "text", content: reply.content.replaceAll("{promoter}", name) } : reply;
  }
  return null;
}
