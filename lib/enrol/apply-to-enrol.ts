import { db, isUniqueViolation } from "../db";
import { dayOf, dayStart } from "../stats/day";
import { kickAutoApprovals } from "./run-auto-approvals";

export type Application = { outcome: "received" | "pending" | "auto" };

type Account = { id: string; timezone: string; enrol: { autoApprove: boolean; autoApproveDailyLimit: number } };

/** The name an application carries when the follower gave none ("推广" alone); editable at approval. */
export const placeholderName = (openid: string) => `微信用户${openid.slice(-6)}`;

/**
 * Records a follower's request to become a promoter, one pending per follower (the unique pendingKey
 * decides, not a read first). Within the daily auto-approval limit it is marked automatic and the
 * approval (promoter, code, custom message: slow WeChat calls) runs after the reply, in the background.
 */
export async function applyToEnrol(account: Account, openid: string, name: string | null, now = new Date()): Promise<Application> {
  let auto = false;
  if (account.enrol.autoApprove) {
    const since = dayStart(dayOf(now, account.timezone), account.timezone);
    const approvedToday = await db().promoterApplication.count({ where: { accountId: account.id, auto: true, createdAt: { gte: since } } });
    auto = approvedToday < account.enrol.autoApproveDailyLimit;
  }
  try {
    await db().promoterApplication.create({ data: { accountId: account.id, openid, name: name ?? placeholderName(openid), pendingKey: openid, auto } });
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "pending" };
    throw error;
  }
  if (auto) kickAutoApprovals(account.id);
  return { outcome: auto ? "auto" : "received" };
}
