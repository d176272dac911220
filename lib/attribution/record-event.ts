import { db, isBusy, isUniqueViolation } from "../db";
import type { LedgerKind } from "./decide-attribution";
import { reconcileFollower } from "./reconcile-follower";

export type TrackedEvent = {
  fromUser: string;
  createTime: number;
  event: "subscribe" | "unsubscribe" | "SCAN";
  eventKey: string | null;
  /** The scene value: after qrscene_ for subscribe, the EventKey itself for SCAN. */
  scene: string | null;
  ticket: string | null;
};

class DuplicateEvent extends Error {}

// A unique violation elsewhere (two first events of one new openid racing to create the
// follower) is not a duplicate: the transaction is retried and then sees the follower.
const MAX_ATTEMPTS = 3;
// A busy database (another process holds SQLite's write lock) is retried with backoff for this long.
const BUSY_RETRY_MS = 3500;

export type RecordResult = { status: "recorded"; kind: LedgerKind; promoterId: string | null } | { status: "duplicate" };

/**
 * Stores one verified event and everything it means — raw log row, follower, ledger rows and
 * daily rollups — in one transaction. The raw log's unique key (account, openid, CreateTime,
 * event) makes WeChat's retries and concurrent copies a no-op: whichever commits first counts.
 * The follower's ledger is re-derived in CreateTime order, so events arriving out of order
 * still count exactly as if they had arrived in order.
 */
export async function recordEvent(account: { id: string; timezone: string }, input: TrackedEvent): Promise<RecordResult> {
  const giveUpAt = Date.now() + BUSY_RETRY_MS;
  for (let attempt = 1, busy = 0; ; ) {
    try {
      // While the database is busy, retries go one at a time: each busy probe blocks the event loop briefly.
      return await (busy ? busyRetries.run(() => applyEvent(account, input)) : applyEvent(account, input));
    } catch (error) {
      if (error instanceof DuplicateEvent) return { status: "duplicate" };
      if (isBusy(error) && Date.now() < giveUpAt) {
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** busy++, 400)));
        continue;
      }
      if (!isUniqueViolation(error) || ++attempt > MAX_ATTEMPTS) throw error;
    }
  }
}

// A one-slot queue for retries against a busy database.
const busyRetries = {
  tail: Promise.resolve() as Promise<unknown>,
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => {});
    return result;
  },
};

function applyEvent(account: { id: string; timezone: string }, input: TrackedEvent) {
  return db().$transaction(async (tx) => {
    const stored = await tx.wechatEvent
      .create({
        data: { accountId: account.id, fromUser: input.fromUser, createTime: input.createTime, event: input.event, eventKey: input.eventKey, ticket: input.ticket },
        select: { id: true },
      })
      .catch((error) => {
        throw isUniqueViolation(error) ? new DuplicateEvent() : error;
      });
    const decisions = await reconcileFollower(tx, account, input.fromUser);
    const decision = decisions.get(stored.id)!;
    return { status: "recorded" as const, kind: decision.kind, promoterId: decision.promoterId };
  });
}
