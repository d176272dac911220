"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { forbidden } from "next/navigation";
import { ZodError } from "zod";
import { canUseAccount } from "@/lib/accounts/account-access";
import { ACCOUNT_COOKIE } from "@/lib/accounts/active-account";
import { AppIdTakenError, clearPreviousAesKey, createAccount, updateAccount } from "@/lib/accounts/save-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";

export type AccountFormResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

export async function saveAccountAction(id: string | null, form: FormData): Promise<AccountFormResult> {
  const user = await requireUser("write");
  // A user limited to some accounts edits only those, and cannot add one (they would not see it).
  if (id ? !canUseAccount(user, id) : !user.allAccounts) forbidden();
  const input = Object.fromEntries(form);
  try {
    const account = id ? await updateAccount(id, input, user) : await createAccount(input, user);
    if (!id) (await cookies()).set(ACCOUNT_COOKIE, account.id, { path: "/", sameSite: "lax", httpOnly: true });
    revalidatePath("/", "layout");
    return { ok: true, id: account.id };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    if (error instanceof AppIdTakenError) return { ok: false, errors: { appId: "appIdTaken" } };
    throw error;
  }
}

export async function switchAccountAction(id: string) {
  const user = await requireUser("read");
  if (!canUseAccount(user, id)) forbidden();
  (await cookies()).set(ACCOUNT_COOKIE, id, { path: "/", sameSite: "lax", httpOnly: true });
  revalidatePath("/", "layout");
}

export async function clearPreviousKeyAction(id: string) {
  const user = await requireUser("write");
  if (!canUseAccount(user, id)) forbidden();
  await clearPreviousAesKey(id, user);
  revalidatePath("/settings");
}
