import "server-only";
import { cookies } from "next/headers";
import { pickAccount } from "./list-accounts";

export const ACCOUNT_COOKIE = "account";

/** The account the dashboard is showing (the switcher's cookie, else the first), with all accounts. */
export async function getActiveAccount() {
  return pickAccount((await cookies()).get(ACCOUNT_COOKIE)?.value);
}
