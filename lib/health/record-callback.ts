// The callback's one-line hooks into the process's callback counters (flushed by flush-callback-counters.ts).
import { PushRefusedError } from "../ingest/receive/open-push";
import { InvalidEncodingError, PayloadTooLargeError } from "../read-limited-body";
import { WechatCryptoError } from "../wechat/crypto/wechat-crypto-error";
import { WechatXmlError } from "../wechat/parse-message";
import { CallbackAggregator } from "./callback-aggregator";
import { NOT_STORED, refusalKind, type RefusalReason } from "./callback-kinds";

// On globalThis: the route's bundle and instrumentation's may each load this module.
const globalForHealth = globalThis as unknown as { scenecodeCallbackCounters?: CallbackAggregator };

export function callbackCounters(): CallbackAggregator {
  return (globalForHealth.scenecodeCallbackCounters ??= new CallbackAggregator());
}

/** A push acknowledged with success (or a welcome reply), and how long since the handler began (performance.now()). */
export function recordAccepted(accountId: string, startedAt: number) {
  callbackCounters().recordAccepted(accountId, performance.now() - startedAt);
}

/** A push acknowledged without storing (not a tracked event), counted by its type for the health card. */
export function recordUntracked(accountId: string, msgType: string, event: string | undefined) {
  callbackCounters().recordUntracked(accountId, msgType, event);
}

/** A refused push; an unknown AppID has no account and is counted instance-wide (""). */
export function recordRefusal(accountId: string | null, reason: RefusalReason) {
  callbackCounters().record(reason === "unknown_app_id" ? "" : (accountId ?? ""), refusalKind(reason));
}

/** Why the callback's handler turned a push down, from the error it caught; null when it was not a refusal. */
export function refusalReason(error: unknown): RefusalReason | null {
  if (error instanceof PushRefusedError) {
    if (/replay/i.test(error.message)) return "replay";
    if (/signature/i.test(error.message)) return "bad_signature";
    if (/no EncodingAESKey/i.test(error.message)) return "decryption_failure";
    if (/CreateTime/.test(error.message)) return "stale_timestamp"; // the event's time far from the signed timestamp
    return "malformed"; // a plaintext push in compatible or safe mode: not what WeChat sends there
  }
  if (error instanceof WechatCryptoError) return "decryption_failure";
  if (error instanceof WechatXmlError || error instanceof PayloadTooLargeError || error instanceof InvalidEncodingError) return "malformed";
  return null;
}

/** A push the handler caught an error for: a refusal by reason, else one not stored in time (WeChat retries it). */
export function recordFailure(accountId: string, error: unknown) {
  const reason = refusalReason(error);
  if (reason) recordRefusal(accountId, reason);
  else callbackCounters().record(accountId, NOT_STORED);
}
