import { db } from "../db";

/** Headline counts for the overview page. */
export async function getOverview() {
  const client = db();
  const [accounts, promoters, credited] = await Promise.all([
    client.account.count(),
    client.promoter.count({ where: { active: true } }),
    // From the rollups (new followers credited to promoters), not a count over the followers table.
    client.promoterDailyStat.aggregate({ _sum: { newFollowers: true } }),
  ]);
  return { accounts, promoters, followers: credited._sum.newFollowers ?? 0 };
}
