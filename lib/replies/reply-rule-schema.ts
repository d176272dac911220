import { z } from "zod";
import { checkReplyContent, pickReplyContent, REPLY_KINDS, replyContentFields } from "./reply-content-schema";

// Messages are dictionary keys under `replies.errors`.
export const REPLY_TRIGGERS = ["exact", "contains", "default", "follow"] as const;
export { REPLY_KINDS };
export type ReplyTrigger = (typeof REPLY_TRIGGERS)[number];

const hasKeyword = (trigger: ReplyTrigger) => trigger === "exact" || trigger === "contains";

/** One rule as the settings form sends it; the fields its kind does not use are dropped. */
export const replyRuleSchema = z
  .object({
    trigger: z.enum(REPLY_TRIGGERS, "triggerInvalid"),
    keyword: z.string().trim().max(30, "keywordLong").default(""),
    kind: z.enum(REPLY_KINDS, "kindInvalid").default("text"),
    ...replyContentFields,
  })
  .superRefine((v, ctx) => {
    if (hasKeyword(v.trigger) && !v.keyword) ctx.addIssue({ code: "custom", path: ["keyword"], message: "keywordRequired" });
    checkReplyContent(v, ctx);
  })
  .transform((v) => ({ trigger: v.trigger, keyword: hasKeyword(v.trigger) ? v.keyword : "", ...pickReplyContent(v) }));

export type ReplyRuleInput = z.infer<typeof replyRuleSchema>;
