import { z } from "zod";
import { welcomeTextSchema } from "../accounts/account-schema";

// Messages are dictionary keys under `promoterForm.errors`.
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .transform((v) => v || null)
    .nullable()
    .optional();

export const promoterSchema = z.object({
  name: z.string().trim().min(1, "nameRequired").max(60, "nameLong"),
  phone: optionalText(20, "phoneInvalid").refine((v) => !v || /^\+?[0-9 -]{3,20}$/.test(v), "phoneInvalid"),
  note: optionalText(500, "noteLong"),
  welcomeText: welcomeTextSchema,
});

export type PromoterInput = z.infer<typeof promoterSchema>;
