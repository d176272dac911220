import { db } from "../db";
import { pollLoop } from "../jobs/poll-loop";
import { log } from "../log/logger";
import { ApplicationNotPendingError, approveApplication } from "./decide-application";

// Auto-approvals are decided in the callback (within the daily limit) and carried out here, after the
// reply: creating the code and sending the custom message are WeChat calls too slow for a passive reply.
export const AUTO_APPROVER = { email: "system:auto-approve" } as const;
const SWEEP_MS = 60_000;
const BATCH = 20;
// An approval interrupted by a crash stays "approving"; after this long it is pending again. Retrying
// is safe: the promoter it may have created is found by the openid it was linked with.
export const STALE_APPROVAL_MS = 10 * 60_000;

/** Puts approvals interrupted long ago back to pending (the admin, or the auto-approver, decides again). */
export async function releaseStaleApprovals(now = new Date()): Promise<number> {
  const { count } = await db().promoterApplication.updateMany({ where: { status: "approving", decidedAt: { lt: new Date(now.getTime() - STALE_APPROVAL_MS) } }, data: { status: "pending" } });
  return count;
}

/** Approves the pending automatic applications (of one account, or all); another instance's claim is skipped. */
export async function runAutoApprovals(accountId?: string): Promise<number> {
  const due = await db().promoterApplication.findMany({
    where: { status: "pending", auto: true, ...(accountId ? { accountId } : {}) },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true, accountId: true },
  });
  let approved = 0;
  for (const application of due) {
    try {
      await approveApplication(application.accountId, application.id, {}, AUTO_APPROVER);
      approved++;
    } catch (error) {
      if (!(error instanceof ApplicationNotPendingError)) log().error({ err: error, applicationId: application.id }, "enrol: automatic approval failed; retried on the next sweep");
    }
  }
  return approved;
}

const globalForKick = globalThis as unknown as { scenecodeAutoApprovals?: Promise<unknown> };

/** Runs the account's automatic approvals soon, off the request path (the sweep catches what this misses). */
export function kickAutoApprovals(accountId: string) {
  const previous = globalForKick.scenecodeAutoApprovals ?? Promise.resolve();
  globalForKick.scenecodeAutoApprovals = previous.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => runAutoApprovals(accountId)).catch((error) => log().error({ err: error }, "enrol: automatic approvals failed"));
}

/** For tests: waits for the kicked approvals to finish. */
export function settledAutoApprovals(): Promise<unknown> {
  return globalForKick.scenecodeAutoApprovals ?? Promise.resolve();
}

const sweep = pollLoop({ name: "auto-approve", pollMs: SWEEP_MS, firstMs: SWEEP_MS, round: async () => void (await releaseStaleApprovals(), await runAutoApprovals()) });

/** Every instance sweeps once a minute for automatic applications a restart or failure left pending. */
export const startAutoApprover = () => sweep.start();
