import { z } from "zod";

// Issue messages are dictionary keys under `errors`, so forms can show them in either language.
const email = z.string().trim().toLowerCase().min(1, "required").max(254, "emailInvalid").pipe(z.email("emailInvalid"));
const password = z.string().min(10, "passwordShort").max(200, "passwordLong");

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "required").max(200, "passwordLong"),
});

export const setupSchema = z
  .object({
    name: z.string().trim().max(80, "nameLong").default(""),
    email,
    password,
    confirmPassword: z.string(),
    setupCode: z.string("setupCodeRequired").trim().min(1, "setupCodeRequired").max(64, "setupCodeInvalid"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });

export const newUserSchema = z.object({
  name: z.string().trim().max(80, "nameLong").default(""),
  email,
  password,
  role: z.enum(["admin", "viewer"]).default("admin"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "required").max(200, "passwordLong"),
    password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" })
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: "passwordUnchanged" });

export type FieldErrors = Partial<Record<string, string>>;

/** Flattens zod issues into { field: firstMessageKey }. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
