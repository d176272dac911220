import { db } from "../db";
import { lastDecidedDay } from "./qualify-window";

/** A promoter's 有效关注 to date from the rollups: final on the decided days, and the new followers still pending. */
export async function getPromoterQualified(account: { id: string; timezone: string; qualifyDays: number }, promoterId: string, now = new Date()) {
  const last = lastDecidedDay(account.timezone, account.qualifyDays, now);
  const where = { accountId: account.id, promoterId };
  const [decided, pending] = await Promise.all([
    db().promoterDailyStat.aggregate({ where: { ...where, day: { lte: last } }, _sum: { qualified: true } }),
    db().promoterDailyStat.aggregate({ where: { ...where, day: { gt: last } }, _sum: { newFollowers: true } }),
  ]);
  return { qualified: decided._sum.qualified ?? 0, pending: pending._sum.newFollowers ?? 0 };
}
