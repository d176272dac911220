"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { endpointIdSchema } from "@/lib/webhooks/endpoint-schema";
import { redeliver } from "@/lib/webhooks/redeliver";
import { createEndpoint, deleteEndpoint, EndpointInputError, setEndpointEnabled } from "@/lib/webhooks/save-endpoint";
import { sendPing } from "@/lib/webhooks/send-ping";

export type WebhookFormResult = { ok: true; url: string; secret: string } | { ok: false; errors: FieldErrors };
export type PingResult = { ok: boolean; statusCode: number | null; durationMs: number; error: string | null };

const refresh = () => revalidatePath("/webhooks");

export async function createWebhookAction(form: FormData): Promise<WebhookFormResult> {
  const user = await requireUser("write");
  try {
    const input = { url: form.get("url") ?? "", description: form.get("description") ?? "", events: form.getAll("events").map(String) };
    const { endpoint, secret } = await createEndpoint(await requireActiveAccountId(), input, user);
    refresh();
    return { ok: true, url: endpoint.url, secret };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    if (error instanceof EndpointInputError) return { ok: false, errors: { [error.field]: error.key } };
    throw error;
  }
}

export async function setWebhookEnabledAction(id: string, enabled: boolean): Promise<void> {
  const user = await requireUser("write");
  await setEndpointEnabled(await requireActiveAccountId(), endpointIdSchema.parse(id), z.boolean().parse(enabled), user);
  refresh();
}

export async function deleteWebhookAction(id: string): Promise<void> {
  const user = await requireUser("write");
  await deleteEndpoint(await requireActiveAccountId(), endpointIdSchema.parse(id), user);
  refresh();
}

/** The test button: a ping now; the answer comes back to the page. */
export async function testWebhookAction(id: string): Promise<PingResult> {
  const user = await requireUser("write");
  const { ok, statusCode, durationMs, error } = await sendPing(await requireActiveAccountId(), endpointIdSchema.parse(id), user);
  refresh();
  return { ok, statusCode, durationMs, error };
}

export async function redeliverAction(deliveryId: number): Promise<void> {
  const user = await requireUser("write");
  await redeliver(await requireActiveAccountId(), z.number().int().positive().parse(deliveryId), user);
  refresh();
}
