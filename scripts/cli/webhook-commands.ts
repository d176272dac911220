// npm run cli -- webhook:create / webhook:list — registering and checking webhook endpoints from ops scripts.
import { ZodError } from "zod";
import { db } from "../../lib/db";
import { listEndpoints } from "../../lib/webhooks/list-webhooks";
import { createEndpoint, EndpointInputError } from "../../lib/webhooks/save-endpoint";

export const WEBHOOK_CREATE_OPTIONS = { account: { type: "string" }, url: { type: "string" }, events: { type: "string" }, description: { type: "string" } } as const;
export const WEBHOOK_CREATE_USAGE = "webhook:create --account wx… --url https://… [--events follow,unfollow,scan] [--description D]   register a webhook endpoint (its secret is printed once)";
export const WEBHOOK_LIST_OPTIONS = { account: { type: "string" } } as const;
export const WEBHOOK_LIST_USAGE = "webhook:list --account wx…   the account's webhook endpoints with waiting and failed deliveries";

async function accountOf(values: Record<string, unknown>) {
  const appId = typeof values.account === "string" ? values.account.trim() : "";
  if (!appId) throw new Error("--account: the AppID of the Official Account is required");
  const account = await db().account.findUnique({ where: { appId }, select: { id: true } });
  if (!account) throw new Error(`--account: no connected Official Account has AppID ${appId}`);
  return account.id;
}

export async function webhookCreate(values: Record<string, unknown>) {
  const accountId = await accountOf(values);
  const events = String(values.events ?? "follow,unfollow").split(",").map((e) => e.trim()).filter(Boolean);
  try {
    const { endpoint, secret } = await createEndpoint(accountId, { url: values.url ?? "", description: values.description, events }, { email: "cli" });
    console.log(`Created webhook endpoint ${endpoint.id} → ${endpoint.url} (${endpoint.events}). Its signing secret:`);
    console.log(secret);
    console.log("Store it now with your receiver: it is shown only once. Verify X-Scenecode-Signature with it (README: Webhooks).");
  } catch (error) {
    if (error instanceof ZodError) throw new Error(error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; "));
    if (error instanceof EndpointInputError) throw new Error(`--${error.field === "form" ? "account" : error.field}: ${error.message}`);
    throw error;
  }
}

export async function webhookList(values: Record<string, unknown>) {
  const endpoints = await listEndpoints(await accountOf(values));
  if (!endpoints.length) return console.log("No webhook endpoints.");
  for (const e of endpoints) {
    console.log(`${e.id}  ${e.enabled ? "active" : "paused"}  ${e.url}  [${e.events.join(",")}]  ${e.secretHint}  ${e.pending} waiting, ${e.failed} failed`);
  }
}
