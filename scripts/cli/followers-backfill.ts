// npm run cli -- followers:backfill --account wx… [--resume] — the dashboard's import (导入已有粉丝), in a terminal.
import { writeAudit } from "../../lib/audit/write-audit";
import { claimRun } from "../../lib/backfill/backfill-run";
import { getBackfillStatus } from "../../lib/backfill/get-backfill-status";
import { runBackfill } from "../../lib/backfill/run-backfill";
import { db } from "../../lib/db";
import { closePipelineDb } from "../../lib/ingest/pipeline-db/get-pipeline-db";

export const FOLLOWERS_BACKFILL_OPTIONS = { account: { type: "string" }, resume: { type: "boolean" } } as const;
export const FOLLOWERS_BACKFILL_USAGE =
  "followers:backfill --account wx… [--resume]   import the account's existing followers from WeChat (user/get + batchget), credit known QR scenes as backfilled, reconcile; --resume continues a paused or interrupted import";

const fmt = (n: number) => n.toLocaleString("en-US");

function progressLine(listed: number, total: number) {
  const percent = total ? Math.min(100, Math.floor((listed / total) * 100)) : 0;
  const width = 30;
  const bar = "#".repeat(Math.round((percent / 100) * width)).padEnd(width, ".");
  return `[${bar}] ${percent}%  ${fmt(listed)} / ${fmt(total)} followers`;
}

export async function followersBackfill(values: Record<string, unknown>) {
  const appId = String(values.account ?? "");
  if (!/^wx[0-9a-zA-Z]{16}$/.test(appId)) throw new Error("--account: the account's AppID (wx followed by 16 letters or digits)");
  const account = await db().account.findUnique({ where: { appId }, select: { id: true, name: true } });
  if (!account) throw new Error(`--account: no account has the AppID ${appId} (add it with account:add)`);
  const open = await db().backfillRun.findUnique({ where: { activeAccountId: account.id } });
  if (values.resume && !open) throw new Error("--resume: this account has no unfinished import; run without --resume to start one");
  if (!values.resume && open) throw new Error(`an unfinished import of ${appId} exists (status ${open.status}); add --resume to continue it`);
  const run = await claimRun(account.id, null);
  await writeAudit(db(), { actor: "cli", action: values.resume ? "followers.backfill.resume" : "followers.backfill.start", targetType: "account", targetId: account.id, detail: { runId: run.id } });
  console.log(`${values.resume ? "Resuming" : "Importing"} the followers of ${account.name} (${appId})…`);
  const before = await getBackfillStatus(account.id);
  const tty = process.stdout.isTTY;
  let lastShown = -1;
  const outcome = await runBackfill(run, ({ listed, total }) => {
    const done = (before?.listed ?? 0) + listed;
    const tenth = total ? Math.floor((done / total) * 10) : 0;
    if (tty) process.stdout.write(`\r${progressLine(done, total)}`);
    else if (tenth !== lastShown) console.log(progressLine(done, total));
    lastShown = tenth;
  });
  if (tty) process.stdout.write("\n");
  const status = (await getBackfillStatus(account.id))!;
  console.log(`Read ${fmt(status.listed)} of ${fmt(status.total)}; imported ${fmt(status.imported)}, credited ${fmt(status.credited)} to promoters (backfilled), corrected ${fmt(status.corrected)} missed unfollows.`);
  await closePipelineDb();
  if (outcome.status === "done") {
    const r = status.report!;
    console.log(`Reconciliation: ${fmt(r.missedUnsubscribes.count)} we thought follow but WeChat does not list (${r.missedUnsubscribes.applied ? "now unfollowed, marked reconciled" : "too many to be believable: NOT corrected, check and import again"})${r.missedUnsubscribes.sample.length ? `: ${r.missedUnsubscribes.sample.join(", ")}` : ""}`);
    console.log(`                ${fmt(r.listedButUnfollowed.count)} WeChat lists that we have as unfollowed (reported only)${r.listedButUnfollowed.sample.length ? `: ${r.listedButUnfollowed.sample.join(", ")}` : ""}`);
    return;
  }
  const why = status.hint ? `WeChat error ${status.errcode}: ${status.hint.en}` : (status.errmsg ?? outcome.message ?? "");
  if (outcome.status === "paused") throw new Error(`paused until ${status.pausedUntil} — ${why} Run again with --resume then.`);
  throw new Error(`the import stopped (${outcome.status}) — ${why} Run again with --resume to continue.`);
}
