import { db } from "../db";
import { toBadge, type SignalBadge } from "./get-signal-badges";
import type { StoredBurst } from "./refresh-signals";

export type FlaggedPromoter = SignalBadge & { promoterId: string; name: string; burstFollows: number; worstBursts: StoredBurst[]; computedAt: Date };

/** Every flagged promoter of the account with the stored evidence, most quick unfollows first. */
export async function listFlaggedPromoters(accountId: string) {
  const [rows, last] = await Promise.all([
    db().promoterSignal.findMany({
      where: { accountId, flagged: true },
      orderBy: [{ quickUnfollows: "desc" }, { burstFollows: "desc" }, { nightFollows: "desc" }, { promoterId: "asc" }],
      include: { promoter: { select: { name: true } } },
      take: 1000,
    }),
    db().promoterSignal.findFirst({ where: { accountId }, orderBy: { computedAt: "desc" }, select: { computedAt: true, fromDay: true, toDay: true } }),
  ]);
  const flagged: FlaggedPromoter[] = rows.map((r) => ({ ...toBadge(r), promoterId: r.promoterId, name: r.promoter.name, burstFollows: r.burstFollows, worstBursts: JSON.parse(r.worstBursts) as StoredBurst[], computedAt: r.computedAt }));
  return { flagged, computedAt: last?.computedAt ?? null, window: last ? { from: last.fromDay, to: last.toDay } : null };
}
