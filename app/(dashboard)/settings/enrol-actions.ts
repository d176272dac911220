"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { ZodError } from "zod";
import { canUseAccount } from "@/lib/accounts/account-access";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { saveEnrolSettings } from "@/lib/enrol/save-enrol-settings";
import { requestOrigin } from "@/lib/request-origin";

export type EnrolActionResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Saves the 推广 / 我的数据 settings; the dashboard's address becomes the links' origin (unless NEXTAUTH_URL is set). */
export async function saveEnrolSettingsAction(accountId: string, form: FormData): Promise<EnrolActionResult> {
  const user = await requireUser("write");
  if (!canUseAccount(user, accountId)) forbidden();
  try {
    await saveEnrolSettings(accountId, Object.fromEntries(form), await requestOrigin(), user);
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    throw error;
  }
  revalidatePath("/settings");
  revalidatePath("/applications");
  return { ok: true };
}
