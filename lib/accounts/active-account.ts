import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "../auth/session";
import { pickAccount } from "./list-accounts";

export const ACCOUNT_COOKIE = "account";

/**
 * The account the dashboard is showing for the signed-in user (the switcher's cookie if it names
 * an account they may use, else their first), with all the accounts they may use. Nobody signed
 * in: none.
 */
export async function getActiveAccount() {
  const user = await getCurrentUser();
  if (!user) return { accounts: [], account: null };
  return pickAccount((await cookies()).get(ACCOUNT_COOKIE)?.value, user);
}

/** The active account's id, for server actions that change it; throws when none is connected. */
export async function requireActiveAccountId(): Promise<string> {
  const { account } = await getActiveAccount();
  if (!account) throw new Error("No Official Account is connected");
  return account.id;
}
