import { z } from "zod";
import { welcomeTextSchema } from "../accounts/account-schema";
import { stripInvisible } from "./strip-invisible";

// Messages are dictionary keys under `promoterForm.errors`.
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .transform((v) => v || null)
    .nullable()
    .optional();

/** A promoter's name wherever one is accepted (forms, imports, the REST API): visible characters only. */
export const promoterNameSchema = z.string().overwrite(stripInvisible).trim().min(1, "nameRequired").max(60, "nameLong");

export const promoterSchema = z.object({
  name: promoterNameSchema,
  phone: optionalText(20, "phoneInvalid").refine((v) => !v || /^\+?[0-9 -]{3,20}$/.test(v), "phoneInvalid"),
  note: optionalText(500, "noteLong"),
  welcomeText: welcomeTextSchema,
});

export type PromoterInput = z.infer<typeof promoterSchema>;
