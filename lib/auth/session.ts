import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { authOptions } from "./options";
import { can, type Permission } from "./roles";
import { isSetupDone } from "./create-user";
import { sessionProblem, type SessionClaims } from "./session-claims";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  mustChangePassword?: boolean;
  allAccounts?: boolean; // false: only accountIds (lib/accounts/account-access.ts)
  accountIds?: string[];
};

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * The signed-in user, re-read from the database on every request so a disabled user, a changed
 * role, a password reset or "sign out everywhere" (a new sessionVersion) takes effect at once, and
 * a session older than the absolute lifetime ends however often it was refreshed.
 */
export const getCurrentUser = cache(async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  const claims = (session?.user ?? {}) as { id?: string; sv?: number; signedInAt?: number };
  if (!claims.id) return null;
  const user = await db().user.findUnique({
    where: { id: claims.id },
    select: {
      id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true, mustChangePassword: true, allAccounts: true,
      accounts: { select: { accountId: true } },
    },
  });
  if (sessionProblem({ sub: claims.id, sv: claims.sv, signedInAt: claims.signedInAt } satisfies SessionClaims, user)) return null;
  const { id, email, name, role, mustChangePassword, allAccounts, accounts } = user!;
  return { id, email, name, role, mustChangePassword, allAccounts, accountIds: accounts.map((a) => a.accountId) };
});

/**
 * For pages and server actions: the user, or a redirect to setup/login; 403 without the permission.
 * A user still on an admin-set temporary password is sent to change it first, except where
 * `passwordChange` says the caller is that page or its action. "manage-users" also needs access to
 * every account.
 */
export async function requireUser(permission: Permission = "read", { passwordChange = false } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect((await isSetupDone()) ? "/login" : "/setup");
  if (user.mustChangePassword && !passwordChange) redirect(CHANGE_PASSWORD_PATH);
  if (!can(user.role, permission)) forbidden();
  // Managing users (and API keys) could lift one's own account limit: only for unrestricted admins.
  if (permission === "manage-users" && !user.allAccounts) forbidden();
  return user;
}
