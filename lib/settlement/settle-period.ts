import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { db, isBusy, isUniqueViolation, Prisma, type Tx } from "../db";
import { aggregateLines, storedItems, type SettlementLineData, type SettlementTotals } from "./aggregate-lines";
import { fenToYuan } from "./money";
import type { Actor } from "./save-price";
import { SettlementError } from "./settlement-error";
import { settlementItemsSql, type ItemsScope } from "./settlement-items-sql";
import { periodProblem } from "./settlement-period";

export type SettleAccount = { id: string; timezone: string; qualifyDays: number };

export const periodInput = z.object({ fromDay: z.string().max(10), toDay: z.string().max(10) });

const LOCK_TIMEOUT_MS = 10 * 60_000; // a large period on a small box; the run is one transaction

function scopeOf(account: SettleAccount, input: unknown, now: Date): ItemsScope {
  const { fromDay, toDay } = periodInput.parse(input);
  const problem = periodProblem(fromDay, toDay, account.qualifyDays, account.timezone, now);
  if (problem) throw new SettlementError(problem, { fromDay, toDay, days: account.qualifyDays });
  return { accountId: account.id, timezone: account.timezone, qualifyDays: account.qualifyDays, fromDay, toDay };
}

async function refuseOverlap(tx: Tx, scope: ItemsScope) {
  const other = await tx.settlementRun.findFirst({
    where: { accountId: scope.accountId, fromDay: { lte: scope.toDay }, toDay: { gte: scope.fromDay } },
    select: { fromDay: true, toDay: true },
  });
  if (other) throw new SettlementError("overlap", { fromDay: other.fromDay, toDay: other.toDay });
}

/** What a run over the period would settle, computed and not stored: the lines and totals shown before locking. */
export async function previewSettlement(account: SettleAccount, input: unknown, now = new Date()): Promise<{ scope: ItemsScope; lines: SettlementLineData[]; totals: SettlementTotals }> {
  const scope = scopeOf(account, input, now);
  await refuseOverlap(db(), scope);
  return { scope, ...(await aggregateLines(db(), await settlementItemsSql(db(), scope))) };
}

/**
 * Settles a closed period and locks it, in one transaction: the run, its follower-level items and
 * its lines. Refused when the period is not closed or overlaps another run; a run being locked at the
 * same moment (another admin, another instance) takes the same next seq, and one of the two is refused.
 */
export async function settlePeriod(account: SettleAccount, input: unknown, actor: Actor, now = new Date()) {
  const scope = scopeOf(account, input, now);
  try {
    return await db().$transaction(async (tx) => {
      await refuseOverlap(tx, scope);
      const last = await tx.settlementRun.aggregate({ where: { accountId: account.id }, _max: { seq: true } });
      const run = await tx.settlementRun.create({
        data: { accountId: account.id, seq: (last._max.seq ?? 0) + 1, fromDay: scope.fromDay, toDay: scope.toDay, qualifyDays: scope.qualifyDays, createdBy: actor.email, createdById: actor.id ?? null, lockedAt: now },
      });
      const items = await settlementItemsSql(tx, scope);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "SettlementItem" ("runId", "accountId", "attributionId", "promoterId", "openid", "sceneKey", "day", "followedAt", "unfollowedAt", "qualified", "reason", "unitFen", "amountFen", "adjustment")
        SELECT ${run.id}, ${account.id}, s."attributionId", s."promoterId", s."openid", s."sceneKey", s."day", s."followedAt", s."unfollowedAt",
          CASE WHEN s."q" = 1 THEN TRUE ELSE FALSE END, s."reason", s."unitFen", s."amountFen", CASE WHEN s."adj" = 1 THEN TRUE ELSE FALSE END
        FROM (${items}) s`);
      const { lines, totals } = await aggregateLines(tx, storedItems(run.id));
      await tx.settlementLine.createMany({ data: lines.map((l) => ({ runId: run.id, ...l })) });
      const locked = await tx.settlementRun.update({
        where: { id: run.id },
        data: { follows: totals.follows, qualified: totals.qualified, amountFen: totals.amountFen, adjustments: totals.adjustments, adjustmentFen: totals.adjustmentFen, totalFen: totals.totalFen },
      });
      await writeAudit(tx, {
        actor: actor.email, userId: actor.id, action: "settlement.lock", targetType: "settlementRun", targetId: run.id,
        detail: { fromDay: scope.fromDay, toDay: scope.toDay, qualifyDays: scope.qualifyDays, promoters: lines.length, qualified: totals.qualified, total: fenToYuan(totals.totalFen) },
      });
      return locked;
    }, { timeout: LOCK_TIMEOUT_MS, maxWait: 10_000 });
  } catch (error) {
    if (isUniqueViolation(error) || isBusy(error)) throw new SettlementError("busy");
    throw error;
  }
}
