import { db } from "../db";
import { DEFAULT_QUALIFY_DAYS } from "../attribution/replay-follower";

/** The account's N of 有效关注 (Account.qualifyDays). */
export async function accountQualifyDays(accountId: string): Promise<number> {
  const row = await db().account.findUnique({ where: { id: accountId }, select: { qualifyDays: true } });
  return row?.qualifyDays ?? DEFAULT_QUALIFY_DAYS;
}
