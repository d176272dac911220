"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { z, ZodError } from "zod";
import { canUseAccount } from "@/lib/accounts/account-access";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { FOLLOW_REPLY_SCOPES } from "@/lib/follow-replies/follow-reply-schema";
import { deleteFollowReply, FollowReplyTargetError, saveFollowReply } from "@/lib/follow-replies/save-follow-reply";

export type FollowReplyResult = { ok: true } | { ok: false; errors: FieldErrors };

const targetSchema = z.object({ scope: z.enum(FOLLOW_REPLY_SCOPES), scopeId: z.string().min(1).max(64) });

async function adminOf(accountId: string) {
  const user = await requireUser("write");
  if (typeof accountId !== "string" || !canUseAccount(user, accountId)) forbidden();
  return user;
}

async function attempt(work: () => Promise<unknown>): Promise<FollowReplyResult> {
  try {
    await work();
    revalidatePath("/", "layout"); // settings, promoter and campaign pages show the reply
    return { ok: true };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    if (error instanceof FollowReplyTargetError) return { ok: false, errors: { kind: "targetInvalid" } };
    throw error;
  }
}

/** Sets the follow reply of the account, a promoter, a campaign or a code. */
export async function saveFollowReplyAction(accountId: string, target: unknown, form: FormData): Promise<FollowReplyResult> {
  const user = await adminOf(accountId);
  const parsedTarget = targetSchema.parse(target);
  return attempt(() => saveFollowReply(accountId, parsedTarget, Object.fromEntries(form), user));
}

export async function deleteFollowReplyAction(accountId: string, target: unknown): Promise<FollowReplyResult> {
  const user = await adminOf(accountId);
  const parsedTarget = targetSchema.parse(target);
  return attempt(() => deleteFollowReply(accountId, parsedTarget, user));
}
