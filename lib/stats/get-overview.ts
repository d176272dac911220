import { accountWhere, ALL_ACCOUNTS, type AccountAccess } from "../accounts/account-access";
import { db } from "../db";

/** Headline counts for the overview page, over the accounts the user may use. */
export async function getOverview(access: AccountAccess = ALL_ACCOUNTS) {
  const client = db();
  const where = accountWhere(access);
  const byAccount = where.id ? { accountId: where.id } : {};
  const [accounts, promoters, credited] = await Promise.all([
    client.account.count({ where }),
    client.promoter.count({ where: { active: true, ...byAccount } }),
    // From the rollups (new followers credited to promoters), not a count over the followers table.
    client.promoterDailyStat.aggregate({ where: byAccount, _sum: { newFollowers: true } }),
  ]);
  return { accounts, promoters, followers: credited._sum.newFollowers ?? 0 };
}
