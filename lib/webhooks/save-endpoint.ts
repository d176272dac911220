// Registering, pausing and removing webhook endpoints (admin actions, audited). The secret is
// generated here and returned once; only its sealed form and last four characters are kept.
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { checkWebhookTarget, WebhookTargetError } from "./check-webhook-url";
import { endpointSchema, MAX_ENDPOINTS_PER_ACCOUNT } from "./endpoint-schema";
import { newWebhookSecret, sealWebhookSecret } from "./webhook-secret";

type Actor = { email: string; id?: string | null };

/** A refusal shown next to its field: the key is a message under `webhooks.errors`. */
export class EndpointInputError extends Error {
  constructor(readonly field: "url" | "events" | "form", readonly key: string, message = key) {
    super(message);
    this.name = "EndpointInputError";
  }
}

export async function createEndpoint(accountId: string, input: unknown, actor: Actor) {
  const data = endpointSchema.parse(input);
  try {
    await checkWebhookTarget(data.url);
  } catch (error) {
    if (error instanceof WebhookTargetError) throw new EndpointInputError("url", error.key, error.message);
    throw error;
  }
  if ((await db().webhookEndpoint.count({ where: { accountId } })) >= MAX_ENDPOINTS_PER_ACCOUNT) {
    throw new EndpointInputError("form", "tooMany", `An account has at most ${MAX_ENDPOINTS_PER_ACCOUNT} webhook endpoints`);
  }
  const secret = newWebhookSecret();
  const endpoint = await db().$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { accountId, url: data.url, description: data.description, events: data.events.join(","), secretEnc: sealWebhookSecret(secret), secretLast4: secret.slice(-4) },
    });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "webhook.create", targetType: "webhook", targetId: created.id, detail: { url: data.url, events: data.events } });
    return created;
  });
  return { endpoint, secret };
}

export async function setEndpointEnabled(accountId: string, id: string, enabled: boolean, actor: Actor) {
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.update({ where: { id, accountId }, data: { enabled } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: enabled ? "webhook.enable" : "webhook.disable", targetType: "webhook", targetId: id });
    return endpoint;
  });
}

/** Removes the endpoint with its deliveries and their log. */
export async function deleteEndpoint(accountId: string, id: string, actor: Actor) {
  await db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.delete({ where: { id, accountId } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "webhook.delete", targetType: "webhook", targetId: id, detail: { url: endpoint.url } });
  });
}
