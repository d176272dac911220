// The daily cross-check, on whichever instance holds the lease: for every account whose WeChat figures
// stop before the latest published day, fetch the last 7 days (more when days were missed).
import { db } from "../db";
import { acquireLease } from "../jobs/acquire-lease";
import { latestReadyDay } from "./datacube-days";
import { dueRange } from "./due-range";
import { runCrosscheck, type CrosscheckRun } from "./run-crosscheck";

export const DAILY_LEASE = "crosscheck:datacube-daily";
export const LEASE_MS = 10 * 60_000;
export const RETRY_AFTER_MS = 60 * 60_000; // an account is asked at most this often while its latest day is missing

export type ScheduledRun = { leased: boolean; runs: { accountId: string; run: CrosscheckRun }[] };

/** One tick of the scheduler: takes the lease (or does nothing), then fetches for each account that is due. */
export async function runScheduledCrosscheck({ holder, now = new Date() }: { holder: string; now?: Date }): Promise<ScheduledRun> {
  if (!(await acquireLease(DAILY_LEASE, { holder, ttlMs: LEASE_MS, now }))) return { leased: false, runs: [] };
  const latestReady = latestReadyDay(now);
  const accounts = await db().account.findMany({
    select: { id: true, datacubeFetch: { select: { attemptedAt: true } }, wechatDailyCumulates: { select: { day: true }, orderBy: { day: "desc" }, take: 1 } },
    orderBy: { createdAt: "asc" },
  });
  const runs: ScheduledRun["runs"] = [];
  const started = Date.now();
  const clock = () => new Date(now.getTime() + Date.now() - started);
  for (const account of accounts) {
    const range = dueRange(account.wechatDailyCumulates[0]?.day ?? null, latestReady);
    const attempted = account.datacubeFetch?.attemptedAt;
    if (!range || (attempted && now.getTime() - attempted.getTime() < RETRY_AFTER_MS)) continue;
    // Renewed before each account; another instance took over if it lapsed (then it carries on).
    if (!(await acquireLease(DAILY_LEASE, { holder, ttlMs: LEASE_MS, now: clock() }))) break;
    runs.push({ accountId: account.id, run: await runCrosscheck(account.id, range, { now: clock() }) });
  }
  return { leased: true, runs };
}
