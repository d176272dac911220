// The JSON body of an event, built once when it is enqueued and sent byte for byte on every attempt.
import type { LedgerKind } from "../attribution/decide-attribution";
import type { WebhookEventType } from "./event-types";

export type WebhookPayload = {
  id: string;
  type: WebhookEventType | "ping";
  occurredAt: string;
  account: { id: string; appId: string };
  data: {
    openid: string;
    kind: LedgerKind; // new_follow, refollow, organic, unknown_scene, unfollow or scan
    promoter: { id: string; name: string } | null;
    scene: string | null;
    team: { id: string; name: string } | null;
    /** qualified-follow only: when the follow happened, and the N days after which it qualified (occurredAt). */
    followedAt?: string;
    qualifyDays?: number;
  } | { message: string };
};

export function buildPayload(payload: WebhookPayload): string {
  return JSON.stringify(payload);
}
