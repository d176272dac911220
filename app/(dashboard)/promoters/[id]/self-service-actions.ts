"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { requestOrigin } from "@/lib/request-origin";
import { ensureSelfServiceLink, rotateSelfServiceLink, setSelfServiceEnabled } from "@/lib/self-service/manage-self-service-link";
import { selfServiceUrl } from "@/lib/self-service/self-service-token";

const promoterId = z.string().min(1).max(64);

async function scope(id: string) {
  const actor = await requireUser("write");
  const { account } = await getActiveAccount();
  if (!account) throw new Error("No Official Account is connected");
  return { actor, accountId: account.id, promoterId: promoterId.parse(id) };
}

// Only these two answers ever carry a private link, to the admin who made it: the database keeps its hash.
export async function createSelfServiceLinkAction(id: string): Promise<{ url: string | null }> {
  const { actor, accountId, promoterId } = await scope(id);
  const { token } = await ensureSelfServiceLink(accountId, promoterId, actor);
  revalidatePath(`/promoters/${promoterId}`);
  return { url: token ? selfServiceUrl(await requestOrigin(), token) : null };
}

export async function rotateSelfServiceLinkAction(id: string): Promise<{ url: string | null }> {
  const { actor, accountId, promoterId } = await scope(id);
  const { token } = await rotateSelfServiceLink(accountId, promoterId, actor);
  revalidatePath(`/promoters/${promoterId}`);
  return { url: token ? selfServiceUrl(await requestOrigin(), token) : null };
}

export async function setSelfServiceEnabledAction(id: string, enabled: boolean) {
  const { actor, accountId, promoterId } = await scope(id);
  await setSelfServiceEnabled(accountId, promoterId, z.boolean().parse(enabled), actor);
  revalidatePath(`/promoters/${promoterId}`);
}
