import { nudgeAttribution } from "../attribute/attribution-worker";
import { pipelineDb } from "../pipeline-db/get-pipeline-db";
import type { EventRow } from "../pipeline-db/sql-session";
import { pipelineThreadRunning, storeInThread } from "../thread/start-pipeline-thread";
import { GroupCommit } from "./group-commit";
import { RecentAcks } from "./recent-acks";

const globalForStore = globalThis as unknown as { scenecodeEventStore?: { commits: GroupCommit; acks: RecentAcks } };

function store() {
  globalForStore.scenecodeEventStore ??= { commits: new GroupCommit(pipelineDb, (inserted) => inserted && nudgeAttribution()), acks: new RecentAcks() };
  return globalForStore.scenecodeEventStore;
}

export type StoreResult = "stored" | "duplicate";

/** True when this process has committed this event already (a retry's copy: nothing to store). */
export const storedHere = (row: EventRow) => store().acks.has(row);

/**
 * Makes one raw event durable: the first stage of the pipeline and all the callback waits for.
 * Resolves once the row is committed (or known to be committed already). In a server the
 * pipeline thread commits it; elsewhere (CLI, tests) this process does. Attribution follows
 * asynchronously from the stored row.
 */
export async function storeEvent(row: EventRow): Promise<StoreResult> {
  const { commits, acks } = store();
  if (acks.has(row)) return "duplicate";
  const inserted = pipelineThreadRunning() ? await storeInThread(row) : await commits.store(row);
  acks.add(row);
  return inserted ? "stored" : "duplicate";
}
