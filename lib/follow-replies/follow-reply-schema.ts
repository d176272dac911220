import { z } from "zod";
import type { ReplyContent } from "../wechat/passive-reply";
import { checkReplyContent, pickReplyContent, REPLY_KINDS, replyContentFields } from "../replies/reply-content-schema";

// Messages are dictionary keys under `followReplies.errors`.
export const FOLLOW_REPLY_SCOPES = ["account", "promoter", "campaign", "code"] as const;
export const FOLLOW_REPLY_KINDS = REPLY_KINDS;
export type FollowReplyScope = (typeof FOLLOW_REPLY_SCOPES)[number];

/** A follow reply as the editors send it; the fields its kind does not use are dropped. */
export const followReplySchema = z
  .object({ kind: z.enum(FOLLOW_REPLY_KINDS, "kindInvalid"), ...replyContentFields })
  .superRefine(checkReplyContent)
  .transform(pickReplyContent);

export type FollowReplyInput = z.infer<typeof followReplySchema>;

/** The stored columns of a reply (as selected by the callback and the editors). */
export type FollowReplySpec = {
  kind: string;
  content: string | null;
  mediaId: string | null;
  title: string | null;
  description: string | null;
  picUrl: string | null;
  url: string | null;
};

export const FOLLOW_REPLY_SELECT = { kind: true, content: true, mediaId: true, title: true, description: true, picUrl: true, url: true } as const;

/** The passive reply a stored spec sends; null for a row that is not complete for its kind. */
export function specReply(spec: FollowReplySpec): ReplyContent | null {
  if (spec.kind === "text") return spec.content ? { kind: "text", content: spec.content } : null;
  if (spec.kind === "image") return spec.mediaId ? { kind: "image", mediaId: spec.mediaId } : null;
  if (spec.kind === "news" && spec.title && spec.url) return { kind: "news", title: spec.title, description: spec.description ?? "", picUrl: spec.picUrl ?? "", url: spec.url };
  return null;
}
