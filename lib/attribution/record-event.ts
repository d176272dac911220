import { db } from "../db";
import { drainAttribution } from "../ingest/attribute/drain-attribution";
import { storeEvent } from "../ingest/store/store-event";
import type { LedgerKind } from "./decide-attribution";

export type TrackedEvent = {
  fromUser: string;
  createTime: number;
  event: "subscribe" | "unsubscribe" | "SCAN";
  eventKey: string | null;
  /** The scene value: after qrscene_ for subscribe, the EventKey itself for SCAN (re-derived from eventKey when stored). */
  scene: string | null;
  ticket: string | null;
};

export type RecordResult = { status: "recorded"; kind: LedgerKind; promoterId: string | null } | { status: "duplicate" };

/**
 * One event through the whole pipeline, synchronously: stored like a push (group commit), then
 * attributed at once instead of by the worker, and its ledger row read back. For the CLI, seed
 * scripts and tests; the callback itself answers after the store and leaves the rest to the worker.
 */
export async function recordEvent(account: { id: string; timezone?: string }, input: TrackedEvent): Promise<RecordResult> {
  const row = { accountId: account.id, fromUser: input.fromUser, createTime: input.createTime, event: input.event, eventKey: input.eventKey, ticket: input.ticket };
  const stored = await storeEvent(row);
  await drainAttribution();
  if (stored === "duplicate") return { status: "duplicate" };
  const event = await db().wechatEvent.findUniqueOrThrow({
    where: { accountId_fromUser_createTime_event: { accountId: account.id, fromUser: input.fromUser, createTime: input.createTime, event: input.event } },
    select: { attribution: { select: { kind: true, promoterId: true } } },
  });
  if (!event.attribution) throw new Error("event stored but not attributed");
  return { status: "recorded", kind: event.attribution.kind as LedgerKind, promoterId: event.attribution.promoterId };
}
