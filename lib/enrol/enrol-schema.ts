import { z } from "zod";

// Messages are dictionary keys under `enrol.settings.errors`.
export const DEFAULT_ENROL_KEYWORD = "推广";
export const DEFAULT_STATS_KEYWORD = "我的数据";
export const AUTO_APPROVE_LIMIT = { min: 1, max: 1000, default: 20 } as const;

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const keyword = z.string().trim().max(20, "keywordLong").refine((v) => !/\s/u.test(v), "keywordSpaces");
const optionalText = z
  .string()
  .trim()
  .max(300, "textLong")
  .transform((v) => v || null)
  .nullable()
  .optional();

/** The settings form: each keyword is stored only while its switch is on (null means off). */
export const enrolSettingsSchema = z
  .object({
    enrolOn: checkbox,
    enrolKeyword: keyword.default(DEFAULT_ENROL_KEYWORD),
    autoApprove: checkbox,
    autoApproveDailyLimit: z.coerce.number({ error: "limitInvalid" }).int("limitInvalid").min(AUTO_APPROVE_LIMIT.min, "limitInvalid").max(AUTO_APPROVE_LIMIT.max, "limitInvalid").default(AUTO_APPROVE_LIMIT.default),
    receivedText: optionalText,
    approvedText: optionalText,
    statsOn: checkbox,
    statsKeyword: keyword.default(DEFAULT_STATS_KEYWORD),
  })
  .superRefine((v, ctx) => {
    if (v.enrolOn && !v.enrolKeyword) ctx.addIssue({ code: "custom", path: ["enrolKeyword"], message: "keywordRequired" });
    if (v.statsOn && !v.statsKeyword) ctx.addIssue({ code: "custom", path: ["statsKeyword"], message: "keywordRequired" });
    if (v.enrolOn && v.statsOn && v.enrolKeyword.toLocaleLowerCase("en") === v.statsKeyword.toLocaleLowerCase("en")) {
      ctx.addIssue({ code: "custom", path: ["statsKeyword"], message: "keywordsSame" });
    }
  })
  .transform((v) => ({
    enrolKeyword: v.enrolOn ? v.enrolKeyword : null,
    autoApprove: v.autoApprove,
    autoApproveDailyLimit: v.autoApproveDailyLimit,
    receivedText: v.receivedText ?? null,
    approvedText: v.approvedText ?? null,
    statsKeyword: v.statsOn ? v.statsKeyword : null,
  }));

export type EnrolSettingsInput = z.output<typeof enrolSettingsSchema>;
