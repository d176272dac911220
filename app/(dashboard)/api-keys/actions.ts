"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { createApiKey, revokeApiKey, UnknownAccountError } from "@/lib/api-keys/create-api-key";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";

// Error values are keys of t.admin.apiKeys.errors.
export type CreateApiKeyResult = { ok: true; name: string; key: string } | { ok: false; errors: FieldErrors };

const formSchema = z.object({
  name: z.string().default(""),
  accountId: z.string().default(""),
  scope: z.string().default("read"),
  expiresAt: z.string().default(""),
});

export async function createApiKeyAction(form: FormData): Promise<CreateApiKeyResult> {
  const actor = await requireUser("manage-users");
  try {
    const created = await createApiKey(formSchema.parse(Object.fromEntries(form)), actor);
    revalidatePath("/api-keys");
    return { ok: true, name: created.name, key: created.key };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
    if (error instanceof UnknownAccountError) return { ok: false, errors: { accountId: "unknownAccount" } };
    throw error;
  }
}

export async function revokeApiKeyAction(id: string): Promise<{ ok: boolean }> {
  const actor = await requireUser("manage-users");
  try {
    await revokeApiKey(z.string().min(1).max(64).parse(id), actor);
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "P2025" || error instanceof ZodError) return { ok: false };
    throw error;
  }
  revalidatePath("/api-keys");
  return { ok: true };
}
