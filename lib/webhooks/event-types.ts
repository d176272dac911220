// The event types an endpoint can subscribe to, and which attribution ledger kinds each covers.
// "qualified-follow" is not an attributed event: the qualified-follows job (lib/qualified) sends it
// once a credited first follow is still following after the account's qualifyDays.
import type { LedgerKind } from "../attribution/decide-attribution";

export const WEBHOOK_EVENT_TYPES = ["follow", "unfollow", "scan", "qualified-follow"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The webhook event a newly attributed event becomes, or null (an ignored push). */
export function eventTypeOf(kind: LedgerKind): WebhookEventType | null {
  switch (kind) {
    case "new_follow":
    case "refollow":
    case "organic":
    case "unknown_scene":
      return "follow";
    case "unfollow":
      return "unfollow";
    case "scan":
      return "scan";
    default:
      return null;
  }
}

/** Parses the stored comma-separated list, keeping only known types. */
export function parseEventList(stored: string): WebhookEventType[] {
  return stored.split(",").filter((t): t is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(t));
}

/** A stable event id: one per attributed WeChat event, so a re-run batch finds it already there. */
export const webhookEventId = (wechatEventId: number) => `evt_${wechatEventId}`;
