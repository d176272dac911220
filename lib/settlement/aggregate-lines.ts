import { Prisma, type Tx } from "../db";

export type SettlementLineData = {
  promoterId: string;
  promoterName: string;
  teamName: string | null;
  follows: number;
  qualified: number;
  unitFen: number | null;
  amountFen: number;
  adjustments: number;
  adjustmentFen: number;
  totalFen: number;
};

export type SettlementTotals = { follows: number; qualified: number; amountFen: number; adjustments: number; adjustmentFen: number; totalFen: number };

type Raw = { promoterId: string } & Record<"follows" | "qualified" | "amountFen" | "minUnit" | "maxUnit" | "adjustments" | "adjustmentFen", number | bigint | null>;

/** A run's items as stored, in the columns settlementItemsSql produces. */
export const storedItems = (runId: string) => Prisma.sql`
  SELECT i."promoterId", CASE WHEN i."qualified" THEN 1 ELSE 0 END AS "q", CASE WHEN i."adjustment" THEN 1 ELSE 0 END AS "adj", i."unitFen", i."amountFen"
  FROM "SettlementItem" i WHERE i."runId" = ${runId}`;

/**
 * One line per promoter of a set of items (computed, for a preview, or stored): the period's follows,
 * qualified follows and amount, the unit price when all were priced alike, and the adjustments apart.
 * Sorted by what is owed, then name.
 */
export async function aggregateLines(tx: Tx, items: Prisma.Sql): Promise<{ lines: SettlementLineData[]; totals: SettlementTotals }> {
  const raw = await tx.$queryRaw<Raw[]>(Prisma.sql`
    SELECT s."promoterId",
      SUM(CASE WHEN s."adj" = 0 THEN 1 ELSE 0 END) AS "follows",
      SUM(CASE WHEN s."adj" = 0 THEN s."q" ELSE 0 END) AS "qualified",
      SUM(CASE WHEN s."adj" = 0 THEN s."amountFen" ELSE 0 END) AS "amountFen",
      MIN(CASE WHEN s."adj" = 0 THEN s."unitFen" END) AS "minUnit",
      MAX(CASE WHEN s."adj" = 0 THEN s."unitFen" END) AS "maxUnit",
      SUM(s."adj") AS "adjustments",
      SUM(CASE WHEN s."adj" = 1 THEN s."amountFen" ELSE 0 END) AS "adjustmentFen"
    FROM (${items}) s
    GROUP BY s."promoterId"`);
  const promoters = await tx.promoter.findMany({ where: { id: { in: raw.map((r) => r.promoterId) } }, select: { id: true, name: true, team: { select: { name: true } } } });
  const byId = new Map(promoters.map((p) => [p.id, p]));
  const n = (v: number | bigint | null) => Number(v ?? 0);
  const lines = raw.map((r): SettlementLineData => {
    const amountFen = n(r.amountFen);
    const adjustmentFen = n(r.adjustmentFen);
    return {
      promoterId: r.promoterId,
      promoterName: byId.get(r.promoterId)?.name ?? r.promoterId,
      teamName: byId.get(r.promoterId)?.team?.name ?? null,
      follows: n(r.follows),
      qualified: n(r.qualified),
      unitFen: r.minUnit !== null && n(r.minUnit) === n(r.maxUnit) ? n(r.minUnit) : null,
      amountFen,
      adjustments: n(r.adjustments),
      adjustmentFen,
      totalFen: amountFen + adjustmentFen,
    };
  });
  lines.sort((a, b) => b.totalFen - a.totalFen || b.qualified - a.qualified || a.promoterName.localeCompare(b.promoterName) || a.promoterId.localeCompare(b.promoterId));
  const sum = (k: keyof SettlementTotals) => lines.reduce((s, l) => s + (l[k] as number), 0);
  const totals = { follows: sum("follows"), qualified: sum("qualified"), amountFen: sum("amountFen"), adjustments: sum("adjustments"), adjustmentFen: sum("adjustmentFen"), totalFen: sum("totalFen") };
  return { lines, totals };
}
