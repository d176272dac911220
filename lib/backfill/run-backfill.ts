// The import job (导入已有粉丝): pages through user/get, looks each page up with batchget, writes it in
// chunks, and reconciles at the end. Its state is the BackfillRun row, so it resumes from the page
// and offset it reached after a crash, a restart or a quota stop (45009 pauses it until midnight
// Beijing time, when WeChat's quotas reset). The same job runs in the server and from the CLI.
import { pipelineDb } from "../ingest/pipeline-db/get-pipeline-db";
import { db } from "../db";
import { log } from "../log/logger";
import { WechatApiError, WechatNetworkError } from "../wechat/wechat-error";
import { endRun, nextQuotaReset, saveProgress, type ClaimedRun } from "./backfill-run";
import { BATCHGET_LIMIT, batchGetFollowers, listFollowers, type FollowerInfo } from "./fetch-followers";
import { importChunk } from "./import-chunk";
import { chunks, placeholders, timestamp, type PipelineDb } from "../ingest/pipeline-db/sql-session";
import { reconcileFollowers } from "./reconcile-followers";
import { setTimeout as sleep } from "node:timers/promises";

/** Openids written per transaction (10 batchget calls): short enough not to hold up live attribution. */
const CHUNK = 1_000;
const PARALLEL_CALLS = 4;
const RETRIES = [500, 2_000, 5_000];
const QUOTA_ERRCODE = 45009;

export type BackfillOutcome = { status: "done" | "paused" | "failed" | "lost"; errcode?: number; message?: string };
export type ProgressListener = (p: { listed: number; total: number }) => void;

const retryable = (e: unknown) => e instanceof WechatNetworkError || (e instanceof WechatApiError && (e.errcode === -1 || e.errcode === 45011));

/** Calls WeChat, retrying what WeChat calls "busy" (-1), rate limits and network failures a few times. */
async function withRetries<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!retryable(error) || attempt >= RETRIES.length) throw error;
      await sleep(RETRIES[attempt]);
    }
  }
}

async function lookUp(accountId: string, openids: string[]): Promise<FollowerInfo[]> {
  const calls: string[][] = [];
  for (let i = 0; i < openids.length; i += BATCHGET_LIMIT) calls.push(openids.slice(i, i + BATCHGET_LIMIT));
  const out: FollowerInfo[][] = new Array(calls.length);
  let next = 0;
  const lane = async () => {
    while (next < calls.length) {
      const i = next++;
      out[i] = await withRetries(() => batchGetFollowers(accountId, calls[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CALLS, calls.length) }, lane));
  return out.flat();
}

/**
 * A resumed page: WeChat may list it shifted by now (someone unfollowed), so instead of trusting the
 * saved offset, skip exactly the openids this run has imported already.
 */
async function notYetListed(database: PipelineDb, accountId: string, openids: string[], since: Date) {
  const seen = new Set<string>();
  for (const part of chunks(openids, 500)) {
    const rows = await database.read<{ openid: string }>(
      `SELECT "openid" FROM "Follower" WHERE "accountId" = ? AND "listedAt" >= ? AND "openid" IN (${placeholders(part.length)})`,
      [accountId, timestamp(database.provider, since), ...part],
    );
    for (const r of rows) seen.add(r.openid);
  }
  return openids.filter((o) => !seen.has(o));
}

/** Works on a claimed run until it is done, paused by the quota, failed, or taken over by another process. */
export async function runBackfill(run: ClaimedRun, onProgress?: ProgressListener): Promise<BackfillOutcome> {
  const database = pipelineDb();
  let { cursor, pageOffset } = run;
  let listed = 0;
  try {
    for (;;) {
      const page = await withRetries(() => listFollowers(run.accountId, cursor));
      if (page.openids.length === 0) break;
      const todo = pageOffset > 0 ? await notYetListed(database, run.accountId, page.openids, run.startedAt) : page.openids;
      const done = page.openids.length - todo.length;
      for (let i = 0; i < todo.length || (i === 0 && todo.length === 0); i += CHUNK) {
        const part = todo.slice(i, i + CHUNK);
        const result = part.length ? await importChunk(database, run.accountId, await lookUp(run.accountId, part)) : { imported: 0, credited: 0 };
        const last = i + CHUNK >= todo.length;
        listed += part.length;
        const saved = await saveProgress(run, {
          total: page.total,
          listed: part.length,
          ...result,
          ...(last ? { cursor: page.nextOpenid, pageOffset: 0 } : { pageOffset: done + i + part.length }),
        });
        if (!saved) return { status: "lost", message: "another process took the run over" };
        onProgress?.({ listed, total: page.total });
      }
      if (!page.nextOpenid) break;
      cursor = page.nextOpenid;
      pageOffset = 0;
    }
    const { listed: listedInRun } = await db().backfillRun.findUniqueOrThrow({ where: { id: run.id }, select: { listed: true } });
    const report = await reconcileFollowers(database, run.accountId, run.startedAt, listedInRun);
    await saveProgress(run, { corrected: report.missedUnsubscribes.applied ? report.missedUnsubscribes.count : 0 });
    await endRun(run, { status: "done", reportJson: JSON.stringify(report) });
    return { status: "done" };
  } catch (error) {
    if (error instanceof WechatApiError) {
      const paused = error.errcode === QUOTA_ERRCODE;
      await endRun(run, { status: paused ? "paused" : "failed", errcode: error.errcode, errmsg: error.errmsg, pausedUntil: paused ? nextQuotaReset() : null });
      return { status: paused ? "paused" : "failed", errcode: error.errcode, message: error.message };
    }
    log().error({ err: error, runId: run.id }, "backfill: the import failed");
    const message = error instanceof Error ? error.message : String(error);
    await endRun(run, { status: "failed", errmsg: message.slice(0, 500) });
    return { status: "failed", message };
  }
}
