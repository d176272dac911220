// What the callback counts per account and 5-minute bucket: accepted pushes, each refusal reason,
// pushes not stored in time, and acknowledgement latency in fixed log-scale buckets.

export const BUCKET_MS = 5 * 60_000;

/** Why a push was refused; "unknown_app_id" has no account and is counted instance-wide. */
export const REFUSAL_REASONS = ["bad_signature", "stale_timestamp", "decryption_failure", "malformed", "unknown_app_id", "replay"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * Upper bounds (ms) of the latency buckets, a 1-2-5 series. The last one also holds everything
 * slower (WeChat gives up after 5 s anyway), so a percentile always reads as a finite number (JSON-safe).
 */
export const LATENCY_BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 60_000] as const;
export const SLOWEST_BOUND_MS = 60_000;

export const ACCEPTED = 0;
export const NOT_STORED = 1;
const FIRST_REFUSAL = 2;
const FIRST_LATENCY = FIRST_REFUSAL + REFUSAL_REASONS.length;

/** What became of a push forwarded to the account's own backend (消息转发, lib/forward). */
export const FORWARD_OUTCOMES = ["ok", "empty", "timeout", "error", "bad_reply"] as const;
export type ForwardOutcome = (typeof FORWARD_OUTCOMES)[number];
const FIRST_FORWARD = FIRST_LATENCY + LATENCY_BOUNDS_MS.length;

/** Kind names as stored in CallbackCounter.kind, by index. */
export const KIND_NAMES: readonly string[] = [
  "accepted",
  "not_stored",
  ...REFUSAL_REASONS.map((r) => `refused:${r}`),
  ...LATENCY_BOUNDS_MS.map((b) => `latency:${b}`),
  ...FORWARD_OUTCOMES.map((o) => `forward:${o}`),
];
export const KIND_COUNT = KIND_NAMES.length;

export const forwardKind = (outcome: ForwardOutcome) => FIRST_FORWARD + FORWARD_OUTCOMES.indexOf(outcome);
export const refusalKind = (reason: RefusalReason) => FIRST_REFUSAL + REFUSAL_REASONS.indexOf(reason);

const LAST_LATENCY = LATENCY_BOUNDS_MS.length - 1;

/** The latency bucket's kind index: the first bound at or above ms (the last bucket for anything slower). */
export function latencyKind(ms: number): number {
  let i = 0;
  while (i < LAST_LATENCY && ms > LATENCY_BOUNDS_MS[i]) i++;
  return FIRST_LATENCY + i;
}

/** The histogram index of a stored latency kind ("latency:50" → 3); -1 for other kinds or unknown bounds. */
export function latencyIndex(kind: string): number {
  return kind.startsWith("latency:") ? (LATENCY_BOUNDS_MS as readonly number[]).indexOf(Number(kind.slice("latency:".length))) : -1;
}

/** Kind prefix of pushes acknowledged without storing, by type: "untracked:CLICK", "untracked:text"… */
export const UNTRACKED_PREFIX = "untracked:";
/** WeChat documents a few dozen push types; an account's types past this many count as "other". */
export const MAX_UNTRACKED_TYPES = 100;

export const bucketStart = (ms: number) => ms - (ms % BUCKET_MS);
