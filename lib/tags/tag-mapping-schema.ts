import { z } from "zod";
import { stripInvisible } from "../promoters/strip-invisible";

// Messages are dictionary keys under `tags.errors`.
export const MAX_TAGS_PER_ACCOUNT = 100; // WeChat's limit, for tags made here and in its console together
export const MAX_TAG_NAME = 30;
export const TARGET_TYPES = ["team", "campaign", "promoter"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

const id = z.string().regex(/^[\w-]{1,64}$/, "targetRequired");

export const tagMappingSchema = z.object({
  targetType: z.enum(TARGET_TYPES, { message: "targetRequired" }),
  targetId: id,
  name: z.string().overwrite(stripInvisible).trim().min(1, "nameRequired").refine((n) => [...n].length <= MAX_TAG_NAME, "nameLong"),
  tagExisting: z.boolean().default(true),
});

export const tagMappingIdSchema = id;
