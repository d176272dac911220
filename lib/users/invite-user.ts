import { z } from "zod";
import { createUser } from "../auth/create-user";
import type { UserActor } from "./admin-guard";
import { generateTemporaryPassword } from "./temporary-password";

const inviteSchema = z.object({
  passwordMode: z.enum(["generate", "custom"]).default("generate"),
  password: z.string().default(""),
});

/**
 * Creates a dashboard user (audited as user.create by createUser). With passwordMode "generate" the
 * password is a fresh temporary one, returned this once so the admin can pass it on. Either way the
 * admin knows the password, so the user must choose their own at first sign-in.
 */
export async function inviteUser(input: unknown, actor: UserActor) {
  const fields = (input ?? {}) as Record<string, unknown>;
  const { passwordMode, password } = inviteSchema.parse(fields);
  const temporaryPassword = passwordMode === "generate" ? generateTemporaryPassword() : null;
  const user = await createUser(
    { email: fields.email, name: fields.name ?? "", role: fields.role ?? "viewer", password: temporaryPassword ?? password },
    actor,
    { temporaryPassword: true },
  );
  return { user: { id: user.id, email: user.email, role: user.role }, temporaryPassword };
}
