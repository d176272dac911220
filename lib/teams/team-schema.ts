import { z } from "zod";
import { stripInvisible } from "../promoters/strip-invisible";

// Messages are dictionary keys under `teams.errors`. 30 characters: WeChat's limit for a user tag,
// which a team can become (channel tags).
export const teamNameSchema = z.string().overwrite(stripInvisible).trim().min(1, "nameRequired").max(30, "nameLong");

const id = z.string().regex(/^[\w-]{1,64}$/);

export const teamSchema = z.object({
  name: teamNameSchema,
  /** The lead promoter's id, or empty for none. */
  leadId: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(id.nullable())
    .nullable()
    .optional(),
});

export type TeamInput = z.infer<typeof teamSchema>;

/** A promoter's team in forms and imports: an id, or empty for none. */
export const teamIdSchema = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(id.nullable())
  .nullable()
  .optional();
