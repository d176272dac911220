import { db } from "../db";

/** The account's N of 有效关注 and whether a rebuild under it is still under way. */
export async function getQualifySettings(accountId: string) {
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { qualifyDays: true, qualifiedFollowState: { select: { rebuildOpenid: true } } } });
  return { qualifyDays: account.qualifyDays, rebuilding: account.qualifiedFollowState?.rebuildOpenid != null };
}
