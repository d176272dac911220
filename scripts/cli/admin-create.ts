import { ZodError } from "zod";
import { createUser } from "../../lib/auth/create-user";

export async function adminCreate(values: Record<string, unknown>) {
  try {
    const user = await createUser(
      { email: values.email ?? "", password: values.password ?? "", name: values.name ?? "", role: values.role ?? "admin" },
      { email: "cli" },
    );
    console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
  } catch (error) {
    if (error instanceof ZodError) {
      throw new Error(error.issues.map((i) => `--${String(i.path[0])}: ${DESCRIBE[i.message] ?? i.message}`).join("; "));
    }
    throw error;
  }
}

// The schemas' messages are dictionary keys; the CLI speaks plain English.
const DESCRIBE: Record<string, string> = {
  required: "is required",
  emailInvalid: "must be a valid email address",
  passwordShort: "must be at least 10 characters",
  passwordLong: "must be at most 200 characters",
  nameLong: "must be at most 80 characters",
};
