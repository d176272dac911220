import { z } from "zod";

// What a reply says (text | image | news), shared by the keyword rules (lib/replies) and the follow
// replies per scope (lib/follow-replies). Messages are dictionary keys under each form's `errors`.
export const REPLY_KINDS = ["text", "image", "news"] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

const text = (max: number, message: string) => z.string().trim().max(max, message);
const isHttpUrl = (v: string) => v.length <= 1000 && /^https?:\/\/[^\s]+$/.test(v);
// A permanent material's media_id as material/add_material returns it.
const MEDIA_ID = /^[0-9A-Za-z_-]{1,128}$/;

/** The content fields as a form sends them; `kind` is the caller's (required, or defaulted). */
export const replyContentFields = {
  content: text(600, "contentLong").default(""),
  mediaId: text(128, "mediaIdInvalid").default(""),
  title: text(64, "titleLong").default(""),
  description: text(120, "descriptionLong").default(""),
  picUrl: z.string().trim().default(""),
  url: z.string().trim().default(""),
};

type ContentInput = { kind: ReplyKind; content: string; mediaId: string; title: string; description: string; picUrl: string; url: string };

/** Adds an issue for each field the kind needs and lacks (superRefine). */
export function checkReplyContent(v: ContentInput, ctx: z.RefinementCtx) {
  const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.kind === "text" && !v.content) need("content", "contentRequired");
  if (v.kind === "image" && !MEDIA_ID.test(v.mediaId)) need("mediaId", "mediaIdInvalid");
  if (v.kind === "news") {
    if (!v.title) need("title", "titleRequired");
    if (!isHttpUrl(v.url)) need("url", "urlInvalid");
    if (v.picUrl && !isHttpUrl(v.picUrl)) need("picUrl", "urlInvalid");
  }
}

/** The stored columns: the fields the kind does not use become null. */
export function pickReplyContent(v: ContentInput) {
  return {
    kind: v.kind,
    content: v.kind === "text" ? v.content : null,
    mediaId: v.kind === "image" ? v.mediaId : null,
    title: v.kind === "news" ? v.title : null,
    description: v.kind === "news" ? v.description : null,
    picUrl: v.kind === "news" ? v.picUrl || null : null,
    url: v.kind === "news" ? v.url : null,
  };
}
