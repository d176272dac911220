import { db } from "../db";
import { flushCallbackCounters } from "./flush-callback-counters";
import { getAccountHealth, type AccountHealth } from "./get-account-health";

export type HealthReport = { account: { name: string; appId: string; mode: string; timezone: string } } & AccountHealth;

/**
 * One account's health for the home page and /api/health; null when the account does not exist.
 * This instance's counters are flushed first (best effort), so its own pushes show at once;
 * other instances' reach the database within their flush interval.
 */
export async function getHealthReport(accountId: string, options: { cachedQuota?: boolean; now?: Date } = {}): Promise<HealthReport | null> {
  await flushCallbackCounters().catch(() => undefined); // the flusher retries; a busy database must not fail the page
  const account = await db().account.findUnique({ where: { id: accountId }, select: { id: true, name: true, appId: true, mode: true, timezone: true, createdAt: true } });
  if (!account) return null;
  const health = await getAccountHealth(account, options);
  return { account: { name: account.name, appId: account.appId, mode: account.mode, timezone: account.timezone }, ...health };
}
