"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { ensureSelfServiceLink, rotateSelfServiceLink, setSelfServiceEnabled } from "@/lib/self-service/manage-self-service-link";

const promoterId = z.string().min(1).max(64);

async function scope(id: string) {
  const actor = await requireUser("write");
  const { account } = await getActiveAccount();
  if (!account) throw new Error("No Official Account is connected");
  return { actor, accountId: account.id, promoterId: promoterId.parse(id) };
}

export async function createSelfServiceLinkAction(id: string) {
  const { actor, accountId, promoterId } = await scope(id);
  await ensureSelfServiceLink(accountId, promoterId, actor);
  revalidatePath(`/promoters/${promoterId}`);
}

export async function rotateSelfServiceLinkAction(id: string) {
  const { actor, accountId, promoterId } = await scope(id);
  await rotateSelfServiceLink(accountId, promoterId, actor);
  revalidatePath(`/promoters/${promoterId}`);
}

export async function setSelfServiceEnabledAction(id: string, enabled: boolean) {
  const { actor, accountId, promoterId } = await scope(id);
  await setSelfServiceEnabled(accountId, promoterId, z.boolean().parse(enabled), actor);
  revalidatePath(`/promoters/${promoterId}`);
}
