"use server";

import { createFirstAdmin, SetupAlreadyDoneError, SetupCodeError } from "@/lib/auth/create-user";
import { fieldErrors, setupSchema, type FieldErrors } from "@/lib/auth/schemas";

export type SetupResult = { ok: true } | { ok: false; errors: FieldErrors };

// Open to anonymous visitors by design, but only while no user exists and only with the setup code
// npm start printed: createFirstAdmin refuses both before hashing, and once more in its transaction.
export async function setupAction(form: FormData): Promise<SetupResult> {
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  try {
    await createFirstAdmin(parsed.data);
    return { ok: true };
  } catch (error) {
    if (error instanceof SetupAlreadyDoneError) return { ok: false, errors: { form: "alreadyDone" } };
    if (error instanceof SetupCodeError) return { ok: false, errors: { setupCode: "setupCodeInvalid" } };
    throw error;
  }
}
