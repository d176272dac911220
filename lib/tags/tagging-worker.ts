// The tagging worker: every server process runs one, in its attribution thread (lib/ingest/thread),
// sharing the stored access token with the backfill and cross-check jobs of the main thread (and
// other instances) through the database. It never runs in a request:
// it polls for due rows (one indexed read when idle), is nudged when an operator queues some, and
// takes batch after batch while there are any; the claim's lease keeps instances off each other's rows.
import { pollLoop } from "../jobs/poll-loop";
import { log } from "../log/logger";
import { claimTagBatch } from "./claim-tag-batch";
import { runTagBatch } from "./run-tag-batch";

const MAX_BATCHES_PER_ROUND = 200; // then yield to the poll timer, so one huge queue cannot hog the process
// After a network error an account's rows rest this long (the first retry's delay) before the next call:
// while WeChat is down, every batch of every tag would otherwise be claimed, called and rescheduled
// in turn (an outage cost the attribution thread more than the follows it tags; bench --only consumers).
const REST_MS = 10_000;
const resting = new Map<string, number>();

function restingAccounts(at: number): string[] {
  for (const [accountId, until] of resting) if (until <= at) resting.delete(accountId);
  return [...resting.keys()];
}

/** Runs due batches until none is left (or the round's cap); returns how many batches ran. */
export async function tagDue(max = MAX_BATCHES_PER_ROUND, now?: () => Date): Promise<number> {
  let batches = 0;
  while (batches < max) {
    const at = now?.() ?? new Date();
    const batch = await claimTagBatch(at, undefined, restingAccounts(at.getTime()));
    if (!batch) break;
    const outcome = await runTagBatch(batch, now?.());
    batches += 1;
    if (outcome.unreachable) resting.set(batch.accountId, at.getTime() + REST_MS);
    if (outcome.paused) log().warn({ worker: "tags", accountId: batch.accountId }, "tagging: daily API quota used up (45009); paused until midnight Beijing time");
  }
  return batches;
}

const loop = pollLoop({ name: "tags", pollMs: 3000, againMs: 50, round: async () => (await tagDue()) === MAX_BATCHES_PER_ROUND });

/** Starts this process's tagging worker. */
export const startTaggingWorker = () => loop.start();

/** Rows were queued (or re-queued): start soon (from the main thread, the nudge goes to the attribution thread). */
export const nudgeTagging = () => loop.nudge();
