// How a delivery is signed: HMAC-SHA256 with the endpoint's secret over `${timestamp}.${body}`,
// sent as X-Scenecode-Signature: sha256=<hex>. The timestamp (Unix seconds) is signed with the body
// so a receiver can refuse old replays; it is sent as X-Scenecode-Timestamp.
import crypto from "node:crypto";

export const SIGNATURE_HEADER = "x-scenecode-signature";
export const TIMESTAMP_HEADER = "x-scenecode-timestamp";
export const EVENT_HEADER = "x-scenecode-event";
export const DELIVERY_HEADER = "x-scenecode-delivery";
export const EVENT_ID_HEADER = "x-scenecode-event-id";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (the README shows the same in a snippet): constant-time compare, bounded clock skew. */
export function verifyWebhook(secret: string, headers: { signature?: string | null; timestamp?: string | null }, body: string, nowS = Math.floor(Date.now() / 1000), toleranceS = 300): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp) || Math.abs(nowS - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** The headers of one attempt. */
export function deliveryHeaders(secret: string, body: string, meta: { type: string; eventId: string; deliveryId: number }, nowS = Math.floor(Date.now() / 1000)) {
  return {
    "content-type": "application/json",
    "user-agent": "Scenecode-Webhooks/1",
    [EVENT_HEADER]: meta.type,
    [EVENT_ID_HEADER]: meta.eventId,
    [DELIVERY_HEADER]: String(meta.deliveryId),
    [TIMESTAMP_HEADER]: String(nowS),
    [SIGNATURE_HEADER]: signWebhook(secret, nowS, body),
  };
}
