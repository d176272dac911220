import { db } from "../db";
import { issueQrCode, NETWORK_FAILURE } from "../promoters/issue-qrcode";
import { qrErrorHint } from "../promoters/qr-error-hint";
import type { WechatErrorHint } from "../wechat/wechat-error";
import { candidateWhere, countRemaining, GENERATING, type BatchScope } from "./batch-scope";

export const MAX_BATCH_CONCURRENCY = 3;

// Errors about the account or the quota, not the code: every further call would fail the same way.
const STOP_ERRCODES = new Set([45009, 45011, 48001, 40164, 40013, 40125, 40243, 50002, NETWORK_FAILURE]);

export type BatchFailure = { promoterId: string; name: string; sceneKey: string; errcode: number | null; errmsg: string };
export type BatchStop = { errcode: number; errmsg: string; hint: WechatErrorHint };
export type BatchStep = { created: number; skipped: number; failed: BatchFailure[]; stopped: BatchStop | null; remaining: number };

/**
 * Creates the next `limit` codes of a run at WeChat, at most three calls at a time. Each code is
 * claimed first (status → generating, compare-and-set on updatedAt), so two admins running batches
 * at once never call WeChat twice for one code. Quota and account errors stop the step; the run can
 * be resumed later because every code's outcome is stored on its row.
 */
export async function generateNextBatch(scope: BatchScope, { limit = 10, concurrency = MAX_BATCH_CONCURRENCY } = {}): Promise<BatchStep> {
  const candidates = await db().qrCode.findMany({
    where: candidateWhere(scope),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, status: true, updatedAt: true, sceneKey: true, promoter: { select: { id: true, name: true } } },
  });
  const step: BatchStep = { created: 0, skipped: 0, failed: [], stopped: null, remaining: 0 };
  let next = 0;
  const worker = async () => {
    while (!step.stopped && next < candidates.length) {
      const qr = candidates[next++];
      const claim = await db().qrCode.updateMany({ where: { id: qr.id, status: qr.status, updatedAt: qr.updatedAt }, data: { status: GENERATING } });
      if (claim.count === 0) {
        step.skipped++;
        continue;
      }
      const result = await issueQrCode(qr.id);
      if (result.ok) step.created++;
      else if (result.errcode !== null && STOP_ERRCODES.has(result.errcode)) step.stopped ??= { errcode: result.errcode, errmsg: result.errmsg, hint: qrErrorHint(result.errcode, result.errmsg) };
      else step.failed.push({ promoterId: qr.promoter!.id, name: qr.promoter!.name, sceneKey: qr.sceneKey, errcode: result.errcode, errmsg: result.errmsg });
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), MAX_BATCH_CONCURRENCY) }, worker));
  step.remaining = await countRemaining(scope);
  return step;
}
