"use server";

import { ZodError } from "zod";
import { changeOwnPassword, WrongPasswordError } from "@/lib/auth/change-own-password";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

// `errors` holds field keys of t.errors, or under `form` a key of t.account.errors.
export type ChangePasswordResult = { ok: true; email: string } | { ok: false; errors: FieldErrors };

export async function changeOwnPasswordAction(form: FormData): Promise<ChangePasswordResult> {
  const user = await requireUser("read", { passwordChange: true });
  try {
    const { email } = await changeOwnPassword(user.id, Object.fromEntries(form));
    return { ok: true, email };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    if (error instanceof WrongPasswordError) return { ok: false, errors: error.retryAfterMs ? { form: "throttled" } : { currentPassword: "wrongPassword" } };
    throw error;
  }
}

/** Ends every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<{ ok: true }> {
  const user = await requireUser("read", { passwordChange: true });
  await signOutEverywhere(user.id, user);
  return { ok: true };
}
