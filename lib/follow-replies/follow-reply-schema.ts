import { z } from "zod";
import type { ReplyContent } from "../wechat/passive-reply";

// Messages are dictionary keys under `followReplies.errors`.
export const FOLLOW_REPLY_SCOPES = ["account", "promoter", "campaign", "code"] as const;
export const FOLLOW_REPLY_KINDS = ["text", "image", "news"] as const;
export type FollowReplyScope = (typeof FOLLOW_REPLY_SCOPES)[number];

const text = (max: number, message: string) => z.string().trim().max(max, message);
const isHttpUrl = (v: string) => v.length <= 1000 && /^https?:\/\/[^\s]+$/.test(v);

/** A follow reply as the editors send it; the fields its kind does not use are dropped. */
export const followReplySchema = z
  .object({
    kind: z.enum(FOLLOW_REPLY_KINDS, "kindInvalid"),
    content: text(600, "contentLong").default(""),
    mediaId: text(128, "mediaIdInvalid").default(""),
    title: text(64, "titleLong").default(""),
    description: text(120, "descriptionLong").default(""),
    picUrl: z.string().trim().default(""),
    url: z.string().trim().default(""),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind === "text" && !v.content) need("content", "contentRequired");
    if (v.kind === "image" && !/^[0-9A-Za-z_-]{1,128}$/.test(v.mediaId)) need("mediaId", "mediaIdInvalid");
    if (v.kind === "news") {
      if (!v.title) need("title", "titleRequired");
      if (!isHttpUrl(v.url)) need("url", "urlInvalid");
      if (v.picUrl && !isHttpUrl(v.picUrl)) need("picUrl", "urlInvalid");
    }
  })
  .transform((v) => ({
    kind: v.kind,
    content: v.kind === "text" ? v.content : null,
    mediaId: v.kind === "image" ? v.mediaId : null,
    title: v.kind === "news" ? v.title : null,
    description: v.kind === "news" ? v.description : null,
    picUrl: v.kind === "news" ? v.picUrl || null : null,
    url: v.kind === "news" ? v.url : null,
  }));

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
