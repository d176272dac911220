import { z } from "zod";

// Messages are dictionary keys under `forward.errors`.
const keep = (pattern: RegExp, message: string) =>
  z.string().trim().optional().transform((v) => v || undefined).pipe(z.string().regex(pattern, message).optional());
const flag = z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true");

export const FORWARD_TIMEOUT = { min: 500, max: 3500, default: 3000 } as const;

/**
 * 消息转发 settings. A blank URL turns forwarding off. The upstream's Token and EncodingAESKey are
 * write-only: blank keeps the stored one, clear… removes it (then the account's own is used).
 */
export const forwardSettingsSchema = z.object({
  forwardUrl: z
    .string()
    .trim()
    .max(500, "urlInvalid")
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/, error: "urlInvalid" }).nullable()),
  forwardToken: keep(/^[0-9a-zA-Z]{3,32}$/, "tokenInvalid"),
  forwardAesKey: keep(/^[0-9a-zA-Z]{43}$/, "aesKeyInvalid"),
  clearForwardToken: flag,
  clearForwardAesKey: flag,
  forwardTimeoutMs: z.coerce
    .number("timeoutInvalid")
    .int("timeoutInvalid")
    .min(FORWARD_TIMEOUT.min, "timeoutInvalid")
    .max(FORWARD_TIMEOUT.max, "timeoutInvalid")
    .default(FORWARD_TIMEOUT.default),
});

export type ForwardSettingsInput = z.input<typeof forwardSettingsSchema>;

/** True when the URL is this account's own Scenecode callback: forwarding there would loop. */
export function isOwnCallback(url: string, appId: string): boolean {
  return new URL(url).pathname.replace(/\/+$/, "").endsWith(`/api/wechat/${appId}`);
}
