// Manual redelivery: the delivery (same event id, same body) goes back in the queue, due now, with
// a fresh 24 h of retries; the worker sends it within a couple of seconds. Its log keeps every attempt.
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { RETRY_WINDOW_MS } from "./retry-schedule";

type Actor = { email: string; id?: string | null };

export async function redeliver(accountId: string, deliveryId: number, actor: Actor) {
  const now = new Date();
  return db().$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.update({
      where: { id: deliveryId, accountId },
      data: { status: "pending", nextAttemptAt: now, giveUpAt: new Date(now.getTime() + RETRY_WINDOW_MS), claimedUntil: null },
    });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "webhook.redeliver", targetType: "webhook", targetId: delivery.endpointId, detail: { deliveryId, eventId: delivery.eventId } });
    return delivery;
  });
}
