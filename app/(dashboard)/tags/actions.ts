"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { createTagMapping, TagInputError } from "@/lib/tags/create-tag-mapping";
import { deleteTagMapping } from "@/lib/tags/delete-tag-mapping";
import { retryFailedTags } from "@/lib/tags/retry-failed-tags";
import { tagExistingFollowers } from "@/lib/tags/tag-existing-followers";
import { tagMappingIdSchema } from "@/lib/tags/tag-mapping-schema";

export type WechatRefusal = { errcode: number; errmsg: string };
export type TagFormResult = { ok: true; name: string; queued: number } | { ok: false; errors: FieldErrors; wechat?: WechatRefusal };
export type TagDeleteResult = { ok: true } | { ok: false; wechat: WechatRefusal };

const refresh = () => revalidatePath("/tags");

export async function createTagMappingAction(form: FormData): Promise<TagFormResult> {
  const user = await requireUser("write");
  try {
    const input = { targetType: form.get("targetType") ?? "", targetId: form.get("targetId") ?? "", name: form.get("name") ?? "", tagExisting: form.get("tagExisting") === "on" };
    const { mapping, queued } = await createTagMapping(await requireActiveAccountId(), input, user);
    refresh();
    return { ok: true, name: mapping.name, queued };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    if (error instanceof TagInputError) {
      return { ok: false, errors: { [error.field]: error.key }, ...(error.errcode ? { wechat: { errcode: error.errcode, errmsg: error.errmsg ?? "" } } : {}) };
    }
    throw error;
  }
}

export async function tagExistingAction(mappingId: string): Promise<number> {
  const user = await requireUser("write");
  const queued = await tagExistingFollowers(await requireActiveAccountId(), tagMappingIdSchema.parse(mappingId), user);
  refresh();
  return queued;
}

export async function retryTagsAction(mappingId: string, rowId?: number): Promise<number> {
  const user = await requireUser("write");
  const row = rowId === undefined ? undefined : z.number().int().positive().parse(rowId);
  const count = await retryFailedTags(await requireActiveAccountId(), tagMappingIdSchema.parse(mappingId), user, row);
  refresh();
  return count;
}

export async function deleteTagMappingAction(mappingId: string): Promise<TagDeleteResult> {
  const user = await requireUser("write");
  try {
    await deleteTagMapping(await requireActiveAccountId(), tagMappingIdSchema.parse(mappingId), user);
  } catch (error) {
    if (error instanceof TagInputError && error.errcode) return { ok: false, wechat: { errcode: error.errcode, errmsg: error.errmsg ?? "" } };
    throw error;
  }
  refresh();
  return { ok: true };
}
