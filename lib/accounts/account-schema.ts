import { z } from "zod";
import { isTimeZone } from "../stats/day";

// Messages are dictionary keys under `accountForm.errors`.
/** A passive welcome reply; {promoter} becomes the promoter's name. Blank means no reply. */
export const welcomeTextSchema = z
  .string()
  .trim()
  .max(600, "welcomeLong")
  .transform((v) => v || null)
  .nullable()
  .optional();

export const ACCOUNT_MODES = ["plain", "compatible", "safe"] as const;

const base = {
  name: z.string().trim().min(1, "nameRequired").max(60, "nameLong"),
  appId: z.string().trim().regex(/^wx[0-9a-zA-Z]{16}$/, "appIdInvalid"),
  token: z.string().trim().regex(/^[0-9a-zA-Z]{3,32}$/, "tokenInvalid"),
  encodingAesKey: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.string().regex(/^[0-9a-zA-Z]{43}$/, "aesKeyInvalid").nullable()),
  mode: z.enum(ACCOUNT_MODES, "modeInvalid").default("plain"),
  timezone: z.string().trim().default("Asia/Shanghai").refine(isTimeZone, "timezoneInvalid"),
  welcomeText: welcomeTextSchema,
};

const secret = z.string().trim().regex(/^[0-9a-zA-Z]{32}$/, "appSecretInvalid");

function modeNeedsKey(v: { mode: string; encodingAesKey: string | null }) {
  return v.mode === "plain" || v.encodingAesKey !== null;
}
const modeIssue = { path: ["encodingAesKey"], message: "aesKeyRequired" };

export const createAccountSchema = z.object({ ...base, appSecret: secret }).refine(modeNeedsKey, modeIssue);

/** On update the AppSecret is write-only: blank keeps the stored one. */
export const updateAccountSchema = z
  .object({ ...base, appSecret: z.string().trim().transform((v) => v || undefined).pipe(secret.optional()) })
  .refine(modeNeedsKey, modeIssue);

export type CreateAccountInput = z.infer<typeof createAccountSchema>;
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;
