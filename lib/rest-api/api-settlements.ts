import { z } from "zod";
import { dictionaryFor } from "../i18n/locales";
import { exportSettlementCsv } from "../settlement/export-settlement";
import { getSettlementRun, listSettlementRuns } from "../settlement/get-settlement-run";
import { fenToYuan } from "../settlement/money";

type Account = { id: string; timezone: string };
type RunRow = Awaited<ReturnType<typeof listSettlementRuns>>[number];

const yuan = (description: string) => z.string().regex(/^-?\d+\.\d{2}$/).meta({ description: `${description}, yuan with two decimals`, example: "12.50" });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const settlementRun = z.object({
  id: z.string(),
  seq: z.number().int().meta({ description: "The account's runs are numbered 1, 2, …" }),
  fromDay: day.meta({ description: "First day of the period, in the account's time zone" }),
  toDay: day.meta({ description: "Last day of the period (included)" }),
  timezone: z.string(),
  qualifyDays: z.number().int().meta({ description: "N: a first follow is qualified when the follower still follows N days later" }),
  status: z.literal("locked"),
  follows: z.number().int().meta({ description: "Credited first follows in the period" }),
  qualified: z.number().int(),
  amount: yuan("Paid for the period's qualified follows"),
  adjustments: z.number().int().meta({ description: "Follows of earlier locked periods settled in this run (late events, changed outcomes, re-attributions)" }),
  adjustmentAmount: yuan("Sum of the adjustments (may be negative)"),
  total: yuan("amount + adjustmentAmount"),
  lockedAt: z.string(),
  lockedBy: z.string(),
});

export const settlementLine = z.object({
  promoterId: z.string(),
  promoterName: z.string().meta({ description: "As it was when the run was locked" }),
  teamName: z.string().nullable(),
  follows: z.number().int(),
  qualified: z.number().int(),
  unitPrice: yuan("Price per qualified follow").nullable().meta({ description: "null when the line's follows had different prices (campaign, team, account)" }),
  amount: yuan("qualified × price"),
  adjustments: z.number().int(),
  adjustmentAmount: yuan("This promoter's adjustments"),
  total: yuan("What is due"),
});

export const settlementRunList = z.object({ data: z.array(settlementRun) });
export const settlementRunDetail = z.object({ run: settlementRun, data: z.array(settlementLine) });
export const settlementExportQuery = z.object({
  sheet: z.enum(["lines", "evidence"]).default("lines").meta({ description: "lines: the payout sheet; evidence: one row per follow (openid, scene, followed and unfollowed at, qualified and why)" }),
});

function serializeRun(account: Account, r: RunRow): z.infer<typeof settlementRun> {
  return {
    id: r.id, seq: r.seq, fromDay: r.fromDay, toDay: r.toDay, timezone: account.timezone, qualifyDays: r.qualifyDays, status: "locked",
    follows: r.follows, qualified: r.qualified, amount: fenToYuan(r.amountFen), adjustments: r.adjustments, adjustmentAmount: fenToYuan(r.adjustmentFen), total: fenToYuan(r.totalFen),
    lockedAt: r.lockedAt.toISOString(), lockedBy: r.createdBy,
  };
}

/** The account's locked settlement runs, the latest first. */
export async function listApiSettlements(account: Account) {
  return { data: (await listSettlementRuns(account.id)).map((r) => serializeRun(account, r)) };
}

/** One run with its lines per promoter; null when not the account's. */
export async function getApiSettlement(account: Account, id: string) {
  const run = await getSettlementRun(account.id, id);
  if (!run) return null;
  const data = run.lines.map((l) => ({
    promoterId: l.promoterId, promoterName: l.promoterName, teamName: l.teamName, follows: l.follows, qualified: l.qualified,
    unitPrice: l.unitFen === null ? null : fenToYuan(l.unitFen), amount: fenToYuan(l.amountFen), adjustments: l.adjustments, adjustmentAmount: fenToYuan(l.adjustmentFen), total: fenToYuan(l.totalFen),
  }));
  return { run: serializeRun(account, run), data };
}

/** A run's payout sheet or evidence as CSV with English headers (stable for integrations); null when not the account's. */
export async function exportApiSettlement(account: Account, id: string, query: z.infer<typeof settlementExportQuery>) {
  const run = await getSettlementRun(account.id, id);
  return run ? exportSettlementCsv(run, query.sheet, dictionaryFor("en"), account.timezone) : null;
}
