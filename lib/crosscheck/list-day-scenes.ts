import { db } from "../db";
import { addDays, dayStart } from "../stats/day";

/** The unknown scenes (codes Scenecode did not make) that brought follows on one day of the account, most used first. */
export async function listDayScenes(account: { id: string; timezone: string }, day: string, take = 50) {
  const groups = await db().attribution.groupBy({
    by: ["sceneKey"],
    where: {
      accountId: account.id,
      kind: "unknown_scene",
      promoterId: null,
      sceneKey: { not: null },
      occurredAt: { gte: dayStart(day, account.timezone), lt: dayStart(addDays(day, 1), account.timezone) },
    },
    _count: { _all: true },
    orderBy: { _count: { sceneKey: "desc" } },
    take,
  });
  return groups.map((g) => ({ sceneKey: g.sceneKey!, follows: g._count._all }));
}
