import { db } from "../db";

/** A promoter's settled periods, the latest first: for their private page (names and numbers only, no follower ids). */
export async function listPromoterSettlements(promoterId: string, take = 12) {
  const lines = await db().settlementLine.findMany({
    where: { promoterId },
    orderBy: { run: { seq: "desc" } },
    take,
    select: { qualified: true, amountFen: true, adjustmentFen: true, totalFen: true, run: { select: { fromDay: true, toDay: true, lockedAt: true } } },
  });
  return lines.map((l) => ({ fromDay: l.run.fromDay, toDay: l.run.toDay, qualified: l.qualified, amountFen: l.amountFen, adjustmentFen: l.adjustmentFen, totalFen: l.totalFen }));
}
