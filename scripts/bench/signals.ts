// Fraud signals (lib/signals) on an existing demo account: what the precomputation costs, and what the
// pages that show its results pay. Run after `npm run cli -- demo:seed --promoters 1000 --followers 200000
// --days 30` against the same DATABASE_URL: `npx tsx scripts/bench/signals.ts`. Medians of 7 (the
// recomputation: of 3). Numbers are written down in docs/performance.md.
import { db } from "../../lib/db";
import { getSignalBadges } from "../../lib/signals/get-signal-badges";
import { getSignalEvidence } from "../../lib/signals/get-signal-evidence";
import { detectSignals } from "../../lib/signals/detect-signals";
import { pipelineDb } from "../../lib/ingest/pipeline-db/get-pipeline-db";
import { loadAccountLedger } from "../../lib/signals/load-signal-ledger";
import { refreshSignals, signalWindow } from "../../lib/signals/refresh-signals";
import { DEFAULT_THRESHOLDS } from "../../lib/signals/signal-settings";
import { getLeaderboard } from "../../lib/stats/get-leaderboard";
import { elapsed, median } from "./timing";

async function time(label: string, run: () => Promise<unknown>, rounds = 7) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push(await elapsed(run));
  console.log(`${label.padEnd(62)} ${median(times).toFixed(1).padStart(8)} ms`);
}

async function main() {
  const account = await db().account.findFirstOrThrow({ orderBy: { promoters: { _count: "desc" } }, select: { id: true, timezone: true } });
  const range = signalWindow(account.timezone);
  const ledger = await loadAccountLedger(pipelineDb(), account.id, range, account.timezone);
  console.log(`account ${account.id}: ${ledger.follows.length.toLocaleString("en-US")} follows, ${ledger.unfollows.length.toLocaleString("en-US")} unfollows in ${range.from}..${range.to}`);
  const refreshed = await refreshSignals(account.id);
  console.log(`flagged ${refreshed.flagged} of ${refreshed.promoters} promoters with the default thresholds`);
  await time("recompute: load the window's ledger (2 queries, native driver)", () => loadAccountLedger(pipelineDb(), account.id, range, account.timezone), 3);
  await time("recompute: detect (JS, all promoters)", async () => detectSignals(ledger.follows, ledger.unfollows, DEFAULT_THRESHOLDS, account.timezone), 3);
  await time("recompute: whole refresh (load, detect, replace rows)", () => refreshSignals(account.id), 3);
  const board = await getLeaderboard(account.id, range, { timeZone: account.timezone });
  const ids = board.rows.map((r) => r.promoterId);
  await time("leaderboard page 1 (rollups), without signals", () => getLeaderboard(account.id, range, { timeZone: account.timezone }));
  await time("badges of the page's 50 promoters (stored signals)", () => getSignalBadges(account.id, ids));
  await time("leaderboard page 1, flagged only", () => getLeaderboard(account.id, range, { timeZone: account.timezone, flaggedOnly: true }));
  await time("live signals on every load instead (load + detect)", async () => {
    const l = await loadAccountLedger(pipelineDb(), account.id, range, account.timezone);
    return detectSignals(l.follows, l.unfollows, DEFAULT_THRESHOLDS, account.timezone);
  }, 3);
  await time("one promoter's evidence card (live, top promoter)", () => getSignalEvidence(account.id, ids[0], range, account.timezone));
  await db().$disconnect();
  await pipelineDb().close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
