// The test button: a "ping" event sent to one endpoint now, from this process, with the result
// shown at once and kept in the delivery log. A failed ping is not retried (press again).
import crypto from "node:crypto";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { buildPayload } from "./build-payload";
import { LEASE_MS } from "./claim-deliveries";
import { sendWebhook, type AttemptResult } from "./send-webhook";
import { openWebhookSecret } from "./webhook-secret";

type Actor = { email: string; id?: string | null };

export async function sendPing(accountId: string, endpointId: string, actor: Actor): Promise<AttemptResult & { deliveryId: number }> {
  const endpoint = await db().webhookEndpoint.findFirstOrThrow({ where: { id: endpointId, accountId }, select: { id: true, url: true, secretEnc: true, account: { select: { appId: true } } } });
  const now = new Date();
  const eventId = `ping_${crypto.randomBytes(9).toString("base64url")}`;
  const payload = buildPayload({ id: eventId, type: "ping", occurredAt: now.toISOString(), account: { id: accountId, appId: endpoint.account.appId }, data: { message: "Scenecode webhook test" } });
  // Leased from the start, so no worker sends it as well.
  const delivery = await db().$transaction(async (tx) => {
    await tx.webhookEvent.create({ data: { id: eventId, accountId, type: "ping", payload, occurredAt: now, createdAt: now } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "webhook.test", targetType: "webhook", targetId: endpointId });
    return tx.webhookDelivery.create({ data: { accountId, endpointId, eventId, nextAttemptAt: now, giveUpAt: now, claimedUntil: new Date(now.getTime() + LEASE_MS), createdAt: now } });
  });
  const result = await sendWebhook({ url: endpoint.url, secret: openWebhookSecret(endpoint.secretEnc), body: payload, type: "ping", eventId, deliveryId: delivery.id });
  const done = new Date();
  await db().$transaction([
    db().webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: result.ok ? "delivered" : "failed", attempts: 1, claimedUntil: null, lastStatusCode: result.statusCode, lastError: result.error, deliveredAt: result.ok ? done : null },
    }),
    db().webhookAttempt.create({ data: { deliveryId: delivery.id, startedAt: now, durationMs: result.durationMs, statusCode: result.statusCode, error: result.error, response: result.response } }),
  ]);
  return { ...result, deliveryId: delivery.id };
}
