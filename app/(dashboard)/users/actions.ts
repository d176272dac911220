"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { EmailTakenError } from "@/lib/auth/create-user";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { LastAdminError, SelfChangeError, UserNotFoundError } from "@/lib/users/admin-guard";
import { changeUserRole } from "@/lib/users/change-user-role";
import { inviteUser } from "@/lib/users/invite-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { setUserAccounts, UnknownAccountsError } from "@/lib/users/set-user-accounts";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

// `error` is a key of t.admin.users.errors; `errors` holds field-level keys of t.errors.
export type UserActionResult =
  | { ok: true; email?: string; temporaryPassword?: string | null; signedOut?: boolean }
  | { ok: false; error?: string; errors?: FieldErrors };

const userId = z.string().min(1).max(64);

function failure(error: unknown): UserActionResult {
  if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error), error: error.issues[0]?.message === "accountsRequired" ? "accountsRequired" : undefined };
  if (error instanceof EmailTakenError) return { ok: false, errors: { email: "emailTaken" } };
  if (error instanceof SelfChangeError) return { ok: false, error: "self" };
  if (error instanceof LastAdminError) return { ok: false, error: "lastAdmin" };
  if (error instanceof UserNotFoundError) return { ok: false, error: "notFound" };
  if (error instanceof UnknownAccountsError) return { ok: false, error: "unknownAccounts" };
  throw error;
}

async function run(work: () => Promise<UserActionResult>): Promise<UserActionResult> {
  try {
    const result = await work();
    revalidatePath("/users");
    return result;
  } catch (error) {
    return failure(error);
  }
}

export async function inviteUserAction(form: FormData): Promise<UserActionResult> {
  const actor = await requireUser("manage-users");
  return run(async () => {
    const { user, temporaryPassword } = await inviteUser(Object.fromEntries(form), actor);
    return { ok: true, email: user.email, temporaryPassword };
  });
}

export async function changeUserRoleAction(id: string, role: string): Promise<UserActionResult> {
  const actor = await requireUser("manage-users");
  return run(async () => {
    await changeUserRole(userId.parse(id), role, actor);
    return { ok: true };
  });
}

export async function setUserDisabledAction(id: string, disabled: boolean): Promise<UserActionResult> {
  const actor = await requireUser("manage-users");
  return run(async () => {
    await setUserDisabled(userId.parse(id), z.boolean().parse(disabled), actor);
    return { ok: true };
  });
}

export async function resetUserPasswordAction(id: string): Promise<UserActionResult> {
  const actor = await requireUser("manage-users");
  return run(async () => {
    const { email, temporaryPassword } = await resetUserPassword(userId.parse(id), actor);
    return { ok: true, email, temporaryPassword };
  });
}

export async function signOutUserEverywhereAction(id: string): Promise<UserActionResult> {
  const actor = await requireUser("manage-users");
  return run(async () => {
    await signOutEverywhere(userId.parse(id), actor);
    return { ok: true, signedOut: true };
  });
}

/** Limits a user to some accounts (`accountIds`), or with allAccounts true gives them every account. */
export async function setUserAccountsAction(id: string, allAccounts: boolean, accountIds: string[]): Promise<UserActionResult> {
  const actor = await requireUser("manage-users");
  return run(async () => {
    await setUserAccounts(userId.parse(id), { allAccounts, accountIds }, actor);
    return { ok: true };
  });
}
