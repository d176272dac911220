// DELETE /api/v1/webhooks/[id] – remove an endpoint with its delivery log (API key)
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { endpointIdSchema } from "@/lib/webhooks/endpoint-schema";
import { deleteApiWebhook } from "@/lib/webhooks/webhook-api";

export const dynamic = "force-dynamic";

export const DELETE = withApiKey<{ id: string }>(async (_request, { key, account }, { id }) => {
  await deleteApiWebhook(account.id, endpointIdSchema.parse(id), { email: `api:${key.prefix}` });
  return new Response(null, { status: 204 });
}, { scope: "read-write" });
