import { db } from "../db";

export function listAccounts() {
  return db().account.findMany({ orderBy: { createdAt: "asc" } });
}

export type AccountSummary = Awaited<ReturnType<typeof listAccounts>>[number];

/** The account the dashboard shows: the one chosen in the switcher if it still exists, else the first. */
export async function pickAccount(chosenId: string | undefined) {
  const accounts = await listAccounts();
  return { accounts, account: accounts.find((a) => a.id === chosenId) ?? accounts[0] ?? null };
}
