// One claimed batch, one batchtagging call. WeChat tags all or none, so when a call fails for one
// openid (40003 not a follower, 45059 holds 20 tags) the batch is halved until the culprits stand
// alone and only their rows fail. 45009 (daily quota) pauses the account's tagging until midnight
// Beijing time; passing failures (-1 busy, network) retry with backoff; the rest fail with the errcode.
import { nextQuotaReset } from "../backfill/backfill-run";
import { db } from "../db";
import { WechatApiError, WechatNetworkError } from "../wechat/wechat-error";
import { QUOTA_ERRCODE, type ClaimedTagBatch } from "./claim-tag-batch";
import { nextAttemptAfter } from "./tag-retry-schedule";
import { batchTag } from "./wechat-tags";

const PER_OPENID = new Set([40003, 45059]);
const FINAL = new Set([45159, 40032, 48001, 50002]); // the tag is gone, a bad call, or the account may not tag

type Rows = ClaimedTagBatch["rows"];
/** `unreachable`: a call met a network error (WeChat down or unreachable from here), not an errcode. */
export type BatchOutcome = { done: number; failed: number; retried: number; paused: boolean; unreachable: boolean };

const ids = (rows: Rows) => rows.map((r) => r.id);
const errorOf = (error: unknown) =>
  error instanceof WechatApiError ? { lastErrorCode: error.errcode, lastErrorMsg: error.errmsg.slice(0, 500) } : { lastErrorCode: null, lastErrorMsg: String((error as Error)?.message ?? error).slice(0, 500) };

async function markDone(rows: Rows, now: Date) {
  await db().followerTag.updateMany({ where: { id: { in: ids(rows) } }, data: { status: "done", doneAt: now, claimedUntil: null, lastErrorCode: null, lastErrorMsg: null, attempts: { increment: 1 } } });
}

async function markFailed(rows: Rows, error: unknown) {
  await db().followerTag.updateMany({ where: { id: { in: ids(rows) } }, data: { status: "failed", claimedUntil: null, attempts: { increment: 1 }, ...errorOf(error) } });
}

// One UPDATE per attempt count, not per row: rows of a batch mostly share it, and a per-row update
// (50 a failed batch) during a WeChat outage cost the request thread's process ~40 % of its time.
async function retryLater(rows: Rows, error: unknown, now: Date): Promise<{ failed: number; retried: number }> {
  const byAttempts = new Map<number, Rows>();
  for (const row of rows) byAttempts.set(row.attempts, [...(byAttempts.get(row.attempts) ?? []), row]);
  let failed = 0;
  for (const [attempts, group] of byAttempts) {
    const next = nextAttemptAfter(attempts + 1, now);
    await db().followerTag.updateMany({
      where: { id: { in: ids(group) } },
      data: next ? { attempts: attempts + 1, nextAttemptAt: next, claimedUntil: null, ...errorOf(error) } : { status: "failed", attempts: attempts + 1, claimedUntil: null, ...errorOf(error) },
    });
    if (!next) failed += group.length;
  }
  return { failed, retried: rows.length - failed };
}

/** 45009: these rows and every other pending row of the account wait for the quota to reset. */
async function pauseAccount(accountId: string, rows: Rows, error: WechatApiError, now: Date) {
  const resumeAt = nextQuotaReset(now);
  await db().$transaction([
    db().followerTag.updateMany({ where: { id: { in: ids(rows) } }, data: { nextAttemptAt: resumeAt, claimedUntil: null, ...errorOf(error) } }),
    db().followerTag.updateMany({ where: { accountId, status: "pending", nextAttemptAt: { lt: resumeAt } }, data: { nextAttemptAt: resumeAt } }),
  ]);
}

async function tagRows(batch: ClaimedTagBatch, rows: Rows, outcome: BatchOutcome, now: Date): Promise<void> {
  if (outcome.paused) return; // after a 45009 the remaining halves wait with the rest of the account
  try {
    await batchTag(batch.accountId, batch.wechatTagId, rows.map((r) => r.openid));
    await markDone(rows, now);
    outcome.done += rows.length;
    return;
  } catch (error) {
    if (error instanceof WechatApiError && PER_OPENID.has(error.errcode) && rows.length > 1) {
      const half = Math.ceil(rows.length / 2);
      await tagRows(batch, rows.slice(0, half), outcome, now);
      await tagRows(batch, rows.slice(half), outcome, now);
      return;
    }
    if (error instanceof WechatApiError && error.errcode === QUOTA_ERRCODE) {
      await pauseAccount(batch.accountId, rows, error, now);
      outcome.paused = true;
      return;
    }
    if (error instanceof WechatApiError && (PER_OPENID.has(error.errcode) || FINAL.has(error.errcode))) {
      await markFailed(rows, error);
      outcome.failed += rows.length;
      return;
    }
    const { failed, retried } = await retryLater(rows, error, now);
    if (error instanceof WechatNetworkError) outcome.unreachable = true;
    outcome.failed += failed;
    outcome.retried += retried;
  }
}

export async function runTagBatch(batch: ClaimedTagBatch, now = new Date()): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: 0, failed: 0, retried: 0, paused: false, unreachable: false };
  await tagRows(batch, batch.rows, outcome, now);
  return outcome;
}
