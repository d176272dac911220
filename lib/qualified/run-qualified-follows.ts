// One round of the qualified-follows job, on the instance holding its lease: per account, the next
// chunk of a rebuild after qualifyDays changed, or else the next batch of follows to decide and announce.
import type { PipelineDb } from "../ingest/pipeline-db/sql-session";
import { acquirePipelineLease } from "../jobs/acquire-pipeline-lease";
import { announceQualified } from "./announce-qualified";
import { rebuildQualifiedChunk } from "./rebuild-qualified";

export const QUALIFIED_LEASE = "qualified-follows";
const LEASE_MS = 60_000;
const BATCH = 500;

export type QualifiedRound = { leased: boolean; more: boolean };

export async function runQualifiedFollows(database: PipelineDb, holder: string, now = new Date()): Promise<QualifiedRound> {
  if (!(await acquirePipelineLease(database, QUALIFIED_LEASE, holder, LEASE_MS, now))) return { leased: false, more: false };
  const accounts = await database.read<{ id: string; qualifyDays: number; rebuildOpenid: string | null }>(
    `SELECT a."id", a."qualifyDays", s."rebuildOpenid" FROM "Account" a LEFT JOIN "QualifiedFollowState" s ON s."accountId" = a."id" ORDER BY a."id"`,
  );
  let more = false;
  for (const a of accounts) {
    if (a.rebuildOpenid !== null && a.rebuildOpenid !== undefined) {
      if (!(await rebuildQualifiedChunk(database, a.id, a.rebuildOpenid, now))) more = true;
    } else if ((await announceQualified(database, a.id, Number(a.qualifyDays), now)) >= BATCH) more = true;
  }
  return { leased: true, more };
}
