import type { EventRow } from "../pipeline-db/sql-session";

// WeChat re-delivers a push it got no answer to within 5 s up to 3 times; pushes this process has
// already committed are answered from memory. Bounded: the oldest keys go first.
const CAPACITY = 50_000;

const keyOf = (r: EventRow) => `${r.accountId}\u0000${r.fromUser}\u0000${r.createTime}\u0000${r.event}`;

/** Dedup keys of pushes committed by this process: a hit is durable, so the retry is a no-op. */
export class RecentAcks {
  private readonly keys = new Set<string>();

  has(row: EventRow): boolean {
    return this.keys.has(keyOf(row));
  }

  add(row: EventRow) {
    const key = keyOf(row);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    if (this.keys.size > CAPACITY) this.keys.delete(this.keys.values().next().value!);
  }
}
