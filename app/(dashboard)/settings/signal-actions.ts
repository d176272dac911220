"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { ZodError } from "zod";
import { canUseAccount } from "@/lib/accounts/account-access";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { saveSignalSettings } from "@/lib/signals/save-signal-settings";

export type SignalSettingsResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Saves the account's 防刷 thresholds (admins), audited; the signals are recomputed with them within seconds. */
export async function saveSignalSettingsAction(accountId: string, form: FormData): Promise<SignalSettingsResult> {
  const user = await requireUser("write");
  if (!canUseAccount(user, accountId)) forbidden();
  try {
    await saveSignalSettings(accountId, Object.fromEntries(form), user);
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    throw error;
  }
}
