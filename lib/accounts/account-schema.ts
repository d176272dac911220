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

const TOKEN_PATTERN = /^[0-9a-zA-Z]{3,32}$/;
const AES_KEY_PATTERN = /^[0-9a-zA-Z]{43}$/;

export const ACCOUNT_MODES = ["plain", "compatible", "safe"] as const;

const base = {
  name: z.string().trim().min(1, "nameRequired").max(60, "nameLong"),
  appId: z.string().trim().regex(/^wx[0-9a-zA-Z]{16}$/, "appIdInvalid"),
  token: z.string().trim().regex(TOKEN_PATTERN, "tokenInvalid"),
  encodingAesKey: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.string().regex(AES_KEY_PATTERN, "aesKeyInvalid").nullable()),
  mode: z.enum(ACCOUNT_MODES, "modeInvalid").default("plain"),
  timezone: z.string().trim().default("Asia/Shanghai").refine(isTimeZone, "timezoneInvalid"),
  welcomeText: welcomeTextSchema,
};

const secret = z.string().trim().regex(/^[0-9a-zA-Z]{32}$/, "appSecretInvalid");
/** A write-only field on update: blank (or absent) keeps the stored value. */
const keep = (pattern: RegExp, message: string) =>
  z.string().trim().optional().transform((v) => v || undefined).pipe(z.string().regex(pattern, message).optional());

function modeNeedsKey(v: { mode: string; encodingAesKey: string | null }) {
  return v.mode === "plain" || v.encodingAesKey !== null;
}
export const MODE_NEEDS_KEY = { path: ["encodingAesKey"], message: "aesKeyRequired" };

export const createAccountSchema = z.object({ ...base, appSecret: secret }).refine(modeNeedsKey, MODE_NEEDS_KEY);

/**
 * On update the secrets are write-only, as they are never shown: a blank AppSecret, Token or
 * EncodingAESKey keeps the stored one; clearEncodingAesKey removes the key (plain mode only, checked
 * against the stored key by updateAccount).
 */
export const updateAccountSchema = z.object({
  ...base,
  appSecret: keep(/^[0-9a-zA-Z]{32}$/, "appSecretInvalid"),
  token: keep(TOKEN_PATTERN, "tokenInvalid"),
  encodingAesKey: keep(AES_KEY_PATTERN, "aesKeyInvalid"),
  clearEncodingAesKey: z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true"),
});

export type CreateAccountInput = z.infer<typeof createAccountSchema>;
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;
