"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { ZodError } from "zod";
import { canUseAccount } from "@/lib/accounts/account-access";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { saveQualifyDays } from "@/lib/qualified/save-qualify-days";

export type QualifyDaysResult = { ok: true; changed: boolean; qualifyDays: number } | { ok: false; errors: FieldErrors };

/** Saves the account's N of 有效关注 (admins); a change starts the rebuild. */
export async function saveQualifyDaysAction(accountId: string, form: FormData): Promise<QualifyDaysResult> {
  const user = await requireUser("write");
  if (!canUseAccount(user, accountId)) forbidden();
  try {
    const result = await saveQualifyDays(accountId, Object.fromEntries(form), user);
    revalidatePath("/settings");
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    throw error;
  }
}
