"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { ZodError } from "zod";
import { canUseAccount } from "@/lib/accounts/account-access";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { checkAccountUpstream, type UpstreamCheck } from "@/lib/forward/check-upstream";
import { saveForwarding } from "@/lib/forward/save-forwarding";
import { z } from "zod";
import { addReplyRule, deleteReplyRule, moveReplyRule } from "@/lib/replies/save-reply-rule";

export type ActionResult = { ok: true } | { ok: false; errors: FieldErrors };

async function adminOf(accountId: string) {
  const user = await requireUser("write");
  if (!canUseAccount(user, accountId)) forbidden();
  return user;
}

async function attempt(work: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await work();
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    throw error;
  }
}

export async function saveForwardingAction(accountId: string, form: FormData): Promise<ActionResult> {
  const user = await adminOf(accountId);
  return attempt(() => saveForwarding(accountId, Object.fromEntries(form), user));
}

/** WeChat's URL check against the stored upstream; null when no URL is set. */
export async function checkUpstreamAction(accountId: string): Promise<UpstreamCheck | null> {
  await adminOf(accountId);
  return checkAccountUpstream(accountId);
}

export async function addReplyRuleAction(accountId: string, form: FormData): Promise<ActionResult> {
  const user = await adminOf(accountId);
  return attempt(() => addReplyRule(accountId, Object.fromEntries(form), user));
}

export async function deleteReplyRuleAction(accountId: string, ruleId: string): Promise<void> {
  const user = await adminOf(accountId);
  await deleteReplyRule(accountId, ruleId, user);
  revalidatePath("/settings");
}

export async function moveReplyRuleAction(accountId: string, ruleId: string, direction: unknown): Promise<void> {
  const user = await adminOf(accountId);
  await moveReplyRule(accountId, ruleId, z.enum(["up", "down"]).parse(direction), user);
  revalidatePath("/settings");
}
