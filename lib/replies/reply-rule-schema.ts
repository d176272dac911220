import { z } from "zod";

// Messages are dictionary keys under `replies.errors`.
export const REPLY_TRIGGERS = ["exact", "contains", "default", "follow"] as const;
export const REPLY_KINDS = ["text", "image", "news"] as const;
export type ReplyTrigger = (typeof REPLY_TRIGGERS)[number];

const text = (max: number, message: string) => z.string().trim().max(max, message);
const httpUrl = z
  .string()
  .trim()
  .max(1000, "urlInvalid")
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), "urlInvalid");

/** One rule as the settings form sends it; the fields its kind does not use are dropped. */
export const replyRuleSchema = z
  .object({
    trigger: z.enum(REPLY_TRIGGERS, "triggerInvalid"),
    keyword: text(30, "keywordLong").default(""),
    kind: z.enum(REPLY_KINDS, "kindInvalid").default("text"),
    content: text(600, "contentLong").default(""),
    mediaId: text(128, "mediaIdInvalid").default(""),
    title: text(64, "titleLong").default(""),
    description: text(120, "descriptionLong").default(""),
    picUrl: z.string().trim().default(""),
    url: z.string().trim().default(""),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if ((v.trigger === "exact" || v.trigger === "contains") && !v.keyword) need("keyword", "keywordRequired");
    if (v.kind === "text" && !v.content) need("content", "contentRequired");
    if (v.kind === "image" && !/^[0-9A-Za-z_-]{1,128}$/.test(v.mediaId)) need("mediaId", "mediaIdInvalid");
    if (v.kind === "news") {
      if (!v.title) need("title", "titleRequired");
      if (!httpUrl.safeParse(v.url).success) need("url", "urlInvalid");
      if (v.picUrl && !httpUrl.safeParse(v.picUrl).success) need("picUrl", "urlInvalid");
    }
  })
  .transform((v) => ({
    trigger: v.trigger,
    keyword: v.trigger === "exact" || v.trigger === "contains" ? v.keyword : "",
    kind: v.kind,
    content: v.kind === "text" ? v.content : null,
    mediaId: v.kind === "image" ? v.mediaId : null,
    title: v.kind === "news" ? v.title : null,
    description: v.kind === "news" ? v.description : null,
    picUrl: v.kind === "news" ? v.picUrl || null : null,
    url: v.kind === "news" ? v.url : null,
  }));

export type ReplyRuleInput = z.infer<typeof replyRuleSchema>;
