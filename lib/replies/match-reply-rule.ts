// Which of an account's automatic replies (自动回复) answers a push, as the WeChat console's own would.
import type { ReplyContent } from "../wechat/passive-reply";

export type ReplyRule = {
  trigger: string;
  keyword: string;
  kind: string;
  content: string | null;
  mediaId: string | null;
  title: string | null;
  description: string | null;
  picUrl: string | null;
  url: string | null;
};

type Push = { msgType: string; event?: string; content?: string };

/**
 * Keyword rules answer text messages: the first rule in order whose keyword equals the trimmed text
 * (exact) or occurs in it (contains). The default rule answers any other message (text or media);
 * the follow rule answers a subscribe. Other events get no automatic reply.
 */
export function matchReplyRule(rules: readonly ReplyRule[], push: Push): ReplyRule | null {
  if (push.msgType === "event") return push.event === "subscribe" ? (rules.find((r) => r.trigger === "follow") ?? null) : null;
  if (push.msgType === "text" && push.content !== undefined) {
    const text = push.content.trim();
    const hit = rules.find((r) => (r.trigger === "exact" && r.keyword === text) || (r.trigger === "contains" && r.keyword !== "" && text.includes(r.keyword)));
    if (hit) return hit;
  }
  return rules.find((r) => r.trigger === "default") ?? null;
}

/** The rule's reply in the passive-reply builder's shape. */
export function ruleReply(rule: ReplyRule): ReplyContent {
  if (rule.kind === "image") return { kind: "image", mediaId: rule.mediaId ?? "" };
  if (rule.kind === "news") return { kind: "news", title: rule.title ?? "", description: rule.description ?? "", picUrl: rule.picUrl ?? "", url: rule.url ?? "" };
  return { kind: "text", content: rule.content ?? "" };
}
