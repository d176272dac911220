import { db } from "../db";
import { accountWhere, ALL_ACCOUNTS, type AccountAccess } from "./account-access";

/** The accounts a user may use (every account for unrestricted users), oldest first. */
export function listAccounts(access: AccountAccess = ALL_ACCOUNTS) {
  return db().account.findMany({ where: accountWhere(access), orderBy: { createdAt: "asc" } });
}

export type AccountSummary = Awaited<ReturnType<typeof listAccounts>>[number];

/**
 * The account the dashboard shows: the one chosen in the switcher if it still exists and the user
 * may use it, else the user's first. A forged choice simply falls back; it never widens access.
 */
export async function pickAccount(chosenId: string | undefined, access: AccountAccess = ALL_ACCOUNTS) {
  const accounts = await listAccounts(access);
  return { accounts, account: accounts.find((a) => a.id === chosenId) ?? accounts[0] ?? null };
}
