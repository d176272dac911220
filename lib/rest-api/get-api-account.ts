import type { z } from "zod";
import { db } from "../db";
import { permanentBudget } from "../promoters/allocate-scene";
import { countExpiringSoon } from "../promoters/list-promoter-codes";
import { lastDays } from "../stats/day";
import { getAccountTotals } from "../stats/get-account-totals";
import type { accountSummary } from "./api-schemas";

export type ApiAccountSummary = z.input<typeof accountSummary>;

/** The key's account at a glance: promoters, the permanent-code budget, codes needing care, followers, the last 30 days. */
export async function getApiAccount(accountId: string, now = new Date()): Promise<ApiAccountSummary> {
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { id: true, name: true, appId: true, mode: true, timezone: true, createdAt: true } });
  const range = lastDays(30, account.timezone, now);
  const [promoters, active, budget, expiringSoon, failed, followers, totals] = await Promise.all([
    db().promoter.count({ where: { accountId } }),
    db().promoter.count({ where: { accountId, active: true } }),
    permanentBudget(db(), accountId),
    countExpiringSoon(accountId, now),
    db().qrCode.count({ where: { accountId, status: "failed" } }),
    // One grouped count over the account's followers (an index-range scan of the account).
    db().follower.groupBy({ by: ["status"], where: { accountId }, _count: { _all: true } }),
    getAccountTotals(accountId, range),
  ]);
  const byStatus = (status: string) => followers.find((f) => f.status === status)?._count._all ?? 0;
  return {
    ...account,
    mode: account.mode as ApiAccountSummary["mode"],
    createdAt: account.createdAt.toISOString(),
    promoters: { total: promoters, active },
    qrCodes: { permanentUsed: budget.used, permanentLimit: budget.limit, permanentLeft: budget.left, expiringSoon, failed },
    followers: { following: byStatus("following"), unfollowed: byStatus("unfollowed") },
    last30Days: { ...range, ...totals },
  };
}
