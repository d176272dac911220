import type { CodeBudget } from "./get-code-budget";
import type { CallbackHealth } from "./get-callback-health";
import type { QuotaState } from "./get-qrcode-quota";
import type { TokenState } from "./get-token-state";

const DAY_MS = 86_400_000;

/** A problem the cockpit explains in plain words with its fix (texts: lib/i18n, overview.warnings). */
export type HealthWarning =
  | "no_push_24h"
  | "bad_signature"
  | "decryption_failure"
  | "stale_timestamp"
  | "unknown_app_id"
  | "not_stored"
  | "safe_mode_off"
  | "token_error"
  | "quota_low"
  | "code_budget_low";

export type WarningInput = {
  account: { mode: string; createdAt: Date };
  callback: CallbackHealth;
  codes: CodeBudget;
  token: TokenState;
  quota: QuotaState;
  now?: Date;
};

/** Which warnings apply, most urgent first. */
export function healthWarnings({ account, callback, codes, token, quota, now = new Date() }: WarningInput): HealthWarning[] {
  const out: HealthWarning[] = [];
  // Without any push yet, the account's age stands in: a day-old account with codes should have had one.
  const quietSince = callback.lastPushAt ?? account.createdAt;
  if (codes.activeCodes > 0 && now.getTime() - quietSince.getTime() > DAY_MS) out.push("no_push_24h");
  if (callback.refused.bad_signature.count24h > 0) out.push("bad_signature");
  if (callback.refused.decryption_failure.count24h > 0) out.push("decryption_failure");
  if (callback.refused.stale_timestamp.count24h > 0) out.push("stale_timestamp");
  if (callback.refused.unknown_app_id.count24h > 0) out.push("unknown_app_id");
  if (callback.notStored24h > 0) out.push("not_stored");
  if (token.lastError && !token.lastError.resolved) out.push("token_error");
  if (quota.figures && quota.figures.dailyLimit > 0 && quota.figures.remain < quota.figures.dailyLimit * 0.1) out.push("quota_low");
  if (codes.permanentCreated >= codes.permanentLimit * 0.9) out.push("code_budget_low");
  if (account.mode !== "safe") out.push("safe_mode_off");
  return out;
}
