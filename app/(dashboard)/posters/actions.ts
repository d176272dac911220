"use server";

import { revalidatePath } from "next/cache";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { placementSchema, POSTER_MAX_BYTES } from "@/lib/posters/poster-layout";
import { deletePosterTemplate, PosterTemplateError, savePosterTemplate } from "@/lib/posters/save-poster-template";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

/** Saves the account's poster template from the editor's form (placement in percent, optional new background). */
export async function savePosterTemplateAction(form: FormData): Promise<Result> {
  const actor = await requireUser("write");
  const accountId = await requireActiveAccountId();
  const parsed = placementSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const file = form.get("background");
  if (file instanceof File && file.size > POSTER_MAX_BYTES) return { ok: false, errors: { background: "tooLarge" } };
  const background = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
  try {
    await savePosterTemplate(accountId, { placement: parsed.data, background }, actor);
  } catch (error) {
    if (error instanceof PosterTemplateError) return { ok: false, errors: { [error.key === "codeOutside" ? "codeSize" : "background"]: error.key } };
    throw error;
  }
  revalidatePath("/posters");
  return { ok: true };
}

export async function deletePosterTemplateAction(): Promise<void> {
  const actor = await requireUser("write");
  await deletePosterTemplate(await requireActiveAccountId(), actor);
  revalidatePath("/posters");
}
