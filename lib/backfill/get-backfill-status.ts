// What the import page shows: the account's latest run, its progress and its reconciliation report.
import { latestRun, type BackfillStatus } from "./backfill-run";
import type { ReconciliationReport } from "./reconcile-followers";
import { wechatErrorHint, type WechatErrorHint } from "../wechat/wechat-error";

export type BackfillView = {
  id: string;
  /** "stalled": marked running, but its process stopped renewing the lease (crashed or restarted); resumable. */
  status: BackfillStatus | "stalled";
  total: number;
  listed: number;
  imported: number;
  credited: number;
  corrected: number;
  percent: number;
  errcode: number | null;
  hint: WechatErrorHint | null;
  errmsg: string | null;
  pausedUntil: string | null;
  startedAt: string;
  finishedAt: string | null;
  report: ReconciliationReport | null;
};

export async function getBackfillStatus(accountId: string, now = new Date()): Promise<BackfillView | null> {
  const run = await latestRun(accountId);
  if (!run) return null;
  const stalled = run.status === "running" && (!run.leaseUntil || run.leaseUntil.getTime() < now.getTime());
  const percent = run.status === "done" ? 100 : run.total > 0 ? Math.min(99, Math.floor((run.listed / run.total) * 100)) : 0;
  return {
    id: run.id,
    status: stalled ? "stalled" : (run.status as BackfillStatus),
    total: run.total,
    listed: run.listed,
    imported: run.imported,
    credited: run.credited,
    corrected: run.corrected,
    percent,
    errcode: run.errcode,
    hint: run.errcode !== null ? wechatErrorHint(run.errcode, run.errmsg ?? "") : null,
    errmsg: run.errmsg,
    pausedUntil: run.pausedUntil?.toISOString() ?? null,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    report: run.reportJson ? (JSON.parse(run.reportJson) as ReconciliationReport) : null,
  };
}
