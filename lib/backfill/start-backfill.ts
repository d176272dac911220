// Starts (or resumes) an account's import in the background of this server process: the request
// that asked returns at once, and the page polls the run's row for progress.
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { log } from "../log/logger";
import { claimRun } from "./backfill-run";
import { runBackfill } from "./run-backfill";

const globalForBackfill = globalThis as unknown as { scenecodeBackfills?: Set<Promise<unknown>> };
const running = (globalForBackfill.scenecodeBackfills ??= new Set());

/** Claims the run (throws BackfillBusyError when another process works on it) and works on it without waiting. */
export async function startBackfill(accountId: string, actor: { email: string; id?: string | null }): Promise<{ runId: string }> {
  const run = await claimRun(accountId, actor.id ?? null);
  const resumed = run.cursor !== "" || run.pageOffset > 0;
  await writeAudit(db(), { actor: actor.email, userId: actor.id, action: resumed ? "followers.backfill.resume" : "followers.backfill.start", targetType: "account", targetId: accountId, detail: { runId: run.id } });
  const job = runBackfill(run)
    .then((outcome) => log().info({ runId: run.id, accountId, ...outcome }, "backfill: the import stopped"))
    .catch((error) => log().error({ err: error, runId: run.id }, "backfill: the import crashed"))
    .finally(() => running.delete(job));
  running.add(job);
  return { runId: run.id };
}

/** Waits for this process's imports (tests and a clean shutdown). */
export async function settleBackfills() {
  await Promise.all([...running]);
}
