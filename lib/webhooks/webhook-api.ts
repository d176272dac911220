// The REST API's view of webhooks (/api/v1/webhooks): answer schemas (the OpenAPI document is built
// from them and the tests parse real answers with them) and the calls the route handlers make.
import { z } from "zod";
import { badRequest } from "../http";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { listEndpoints } from "./list-webhooks";
import { createEndpoint, deleteEndpoint, EndpointInputError } from "./save-endpoint";

const time = z.iso.datetime().meta({ example: "2026-11-21T08:30:00.000Z" });

export const webhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  secretHint: z.string().meta({ description: "The secret's last four characters; the whole secret is only in the create answer" }),
  createdAt: time,
  pending: z.number().int().meta({ description: "Deliveries waiting for a (re)try" }),
  failed: z.number().int().meta({ description: "Deliveries that gave up after 24 h of retries" }),
});
export const webhookEndpointList = z.object({ data: z.array(webhookEndpoint) });
export const webhookCreated = webhookEndpoint.extend({ secret: z.string().meta({ description: "The signing secret, shown only in this answer" }) });

type Actor = { email: string };

export async function listApiWebhooks(accountId: string) {
  return { data: await listEndpoints(accountId) };
}

/** Creates an endpoint; a refused URL or event list answers 400 with the field and the reason. */
export async function createApiWebhook(accountId: string, body: unknown, actor: Actor): Promise<{ created: z.infer<typeof webhookCreated> } | { refused: Response }> {
  try {
    const { endpoint, secret } = await createEndpoint(accountId, body, actor);
    const view = (await listEndpoints(accountId)).find((e) => e.id === endpoint.id)!;
    return { created: { ...view, secret } };
  } catch (error) {
    if (error instanceof EndpointInputError) return { refused: badRequest(error.message, [{ path: error.field, message: error.key }]) };
    throw error;
  }
}

export const deleteApiWebhook = (accountId: string, id: string, actor: Actor) => deleteEndpoint(accountId, id, actor);
