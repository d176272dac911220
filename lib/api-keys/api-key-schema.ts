import { z } from "zod";

// What a key may do: "read" lists and reads; "read-write" also creates promoters.
export const API_KEY_SCOPES = ["read", "read-write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const MAX_LIFETIME_MS = 5 * 366 * 24 * 60 * 60_000;

// Messages are dictionary keys (t.admin.apiKeys.errors), like the other form schemas; the CLI maps them to English.
export const apiKeySchema = z.object({
  name: z.string().trim().min(1, "nameRequired").max(60, "nameLong"),
  accountId: z.string({ error: "accountRequired" }).trim().min(1, "accountRequired").max(64, "accountRequired"),
  scope: z.enum(API_KEY_SCOPES, { error: "scopeInvalid" }).default("read"),
  // A date ("2027-01-31", the start of that day in UTC) or an ISO time; empty for no expiry.
  expiresAt: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.date({ error: "expiresInvalid" }).nullable()).default(null),
});

export type ApiKeyInput = z.infer<typeof apiKeySchema>;

/** Parses a key's settings; an expiry must lie in the future and at most five years ahead. */
export function parseApiKeyInput(input: unknown, now = new Date()): ApiKeyInput {
  return apiKeySchema
    .refine((v) => !v.expiresAt || (v.expiresAt.getTime() > now.getTime() && v.expiresAt.getTime() - now.getTime() <= MAX_LIFETIME_MS), {
      path: ["expiresAt"],
      message: "expiresInvalid",
    })
    .parse(input);
}

/** Whether a key with this scope may call a route that needs `needed`. */
export function scopeAllows(scope: string, needed: ApiKeyScope): boolean {
  return needed === "read" ? scope === "read" || scope === "read-write" : scope === "read-write";
}
