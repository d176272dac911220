import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db } from "../db";
import { authOptions } from "./options";
import { can, type Permission } from "./roles";
import { isSetupDone } from "./create-user";

export type CurrentUser = { id: string; email: string; name: string; role: string };

/**
 * The signed-in user, re-read from the database on every call so a disabled user or a
 * changed role takes effect at once (the JWT alone would stay valid until it expires).
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For pages and server actions: the user, or a redirect to setup/login; 403 without the permission. */
export async function requireUser(permission: Permission = "read"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect((await isSetupDone()) ? "/login" : "/setup");
  if (!can(user.role, permission)) forbidden();
  return user;
}
