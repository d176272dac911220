import { db } from "../db";

/** Headline counts of one account for the overview page: its active promoters and the followers credited to them. */
export async function getOverview(accountId: string) {
  const [promoters, credited] = await Promise.all([
    db().promoter.count({ where: { accountId, active: true } }),
    // From the rollups (new followers credited to promoters), not a count over the followers table.
    db().promoterDailyStat.aggregate({ where: { accountId }, _sum: { newFollowers: true } }),
  ]);
  return { promoters, followers: credited._sum.newFollowers ?? 0 };
}
