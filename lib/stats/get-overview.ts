import { db } from "../db";

/** Headline counts for the overview page. */
export async function getOverview() {
  const client = db();
  const [accounts, promoters, followers] = await Promise.all([
    client.account.count(),
    client.promoter.count({ where: { active: true } }),
    client.follower.count({ where: { promoterId: { not: null } } }),
  ]);
  return { accounts, promoters, followers };
}
