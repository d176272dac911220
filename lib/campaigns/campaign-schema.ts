import { z } from "zod";
import { stripInvisible } from "../promoters/strip-invisible";
import { daysBetween, isDay } from "../stats/day";

// Messages are dictionary keys under `campaigns.errors`. 40 characters: the label a campaign's
// temporary codes carry (QrCode.label).
export const MAX_CAMPAIGN_DAYS = 366;

const day = (message: string) => z.string().trim().refine(isDay, message);

export const campaignSchema = z
  .object({
    name: z.string().overwrite(stripInvisible).trim().min(1, "nameRequired").max(40, "nameLong"),
    startDay: day("startInvalid"),
    endDay: day("endInvalid"),
    /** New followers aimed for; empty for none. */
    target: z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .transform((v) => (v === undefined || v === null || String(v).trim() === "" ? null : Number(String(v).trim())))
      .pipe(z.number("targetInvalid").int("targetInvalid").min(1, "targetInvalid").max(100_000_000, "targetInvalid").nullable()),
  })
  .superRefine((c, ctx) => {
    if (c.endDay < c.startDay) ctx.addIssue({ code: "custom", path: ["endDay"], message: "endBeforeStart" });
    else if (daysBetween(c.startDay, c.endDay).length > MAX_CAMPAIGN_DAYS) ctx.addIssue({ code: "custom", path: ["endDay"], message: "windowLong" });
  });

export type CampaignInput = z.infer<typeof campaignSchema>;
