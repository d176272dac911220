import { db } from "../db";
import { getRetention } from "./get-retention";

export const LEADERBOARD_METRICS = ["newFollowers", "refollows", "unfollows", "net", "scans", "retention7"] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];

export type LeaderboardRow = {
  rank: number;
  promoterId: string;
  name: string;
  active: boolean;
  sceneKey: string | null;
  newFollowers: number;
  refollows: number;
  unfollows: number;
  net: number;
  scans: number;
  /** Share of the range's new followers still following 7 days later; null when none is 7 days old yet. */
  retention7: number | null;
};

/**
 * Promoters ranked by a metric over a day range (inclusive, account time zone), summed from the
 * daily rollups only. Every promoter of the account appears, with zeros when it had no activity.
 */
export async function getLeaderboard(
  accountId: string,
  range: { from: string; to: string },
  sortBy: LeaderboardMetric = "newFollowers",
  timeZone = "Asia/Shanghai",
): Promise<LeaderboardRow[]> {
  const [sums, promoters, retention] = await Promise.all([
    db().promoterDailyStat.groupBy({
      by: ["promoterId"],
      where: { accountId, day: { gte: range.from, lte: range.to } },
      _sum: { newFollowers: true, refollows: true, unfollows: true, scans: true },
    }),
    db().promoter.findMany({
      where: { accountId },
      select: { id: true, name: true, active: true, createdAt: true, qrCodes: { select: { sceneKey: true }, orderBy: { createdAt: "asc" }, take: 1 } },
    }),
    getRetention(accountId, range, timeZone),
  ]);
  const byPromoter = new Map(sums.map((s) => [s.promoterId, s._sum]));
  const rows = promoters.map((p) => {
    const s = byPromoter.get(p.id);
    const newFollowers = s?.newFollowers ?? 0;
    const unfollows = s?.unfollows ?? 0;
    return {
      promoterId: p.id,
      name: p.name,
      active: p.active,
      sceneKey: p.qrCodes[0]?.sceneKey ?? null,
      createdAt: p.createdAt,
      newFollowers,
      refollows: s?.refollows ?? 0,
      unfollows,
      net: newFollowers - unfollows,
      scans: s?.scans ?? 0,
      retention7: retention.get(p.id)?.rate ?? null,
    };
  });
  const metric = (row: (typeof rows)[number]) => row[sortBy] ?? -1; // unknown retention sorts last
  rows.sort((a, b) => metric(b) - metric(a) || b.newFollowers - a.newFollowers || a.createdAt.getTime() - b.createdAt.getTime());
  return rows.map(({ createdAt: _createdAt, ...row }, i) => ({ rank: i + 1, ...row }));
}
