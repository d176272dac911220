// Which Official Accounts a dashboard user may see and act on. Users with allAccounts (the default,
// and every user from before this existed) may use every account; the others only those an admin
// listed for them (UserAccount). Enforced where an account is picked: the active-account cookie,
// and every action that takes an account id from the browser.
export type AccountAccess = { allAccounts?: boolean; accountIds?: string[] };

export const ALL_ACCOUNTS: AccountAccess = { allAccounts: true };

// A user object without the fields (e.g. the CLI's actor) is treated as unrestricted only when it
// says so: a missing allAccounts means restricted to the listed ids.
export function canUseAccount(access: AccountAccess, accountId: string): boolean {
  return access.allAccounts === true || (access.accountIds ?? []).includes(accountId);
}

/** A Prisma `where` on Account limiting a query to the accounts the user may use. */
export function accountWhere(access: AccountAccess): { id?: { in: string[] } } {
  return access.allAccounts === true ? {} : { id: { in: access.accountIds ?? [] } };
}
