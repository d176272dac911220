import { ACCEPTED, BUCKET_MS, bucketStart, KIND_COUNT, KIND_NAMES, latencyKind, MAX_UNTRACKED_TYPES, UNTRACKED_PREFIX } from "./callback-kinds";

/** One counter row as the flush writes it (CallbackCounter). */
export type CounterRow = { accountId: string; bucketMs: number; kind: string; count: number; lastAtMs: number };

// Per account: counts[kind] then lastAt[kind], in one array (one allocation per account and bucket).
type Slots = Map<string, Float64Array>;

/**
 * The callback's counters for this process, in memory: recording costs a clock read, one Map lookup
 * and two array writes. Buckets that ended wait in `sealed` until drained by the flush.
 */
export class CallbackAggregator {
  private current: Slots = new Map();
  private bucketMs = 0;
  private bucketEnd = 0;
  private sealed: { bucketMs: number; slots: Slots }[] = [];
  /** Rows a failed flush could not write; the next flush writes them first. */
  pending: CounterRow[] = [];
  // Pushes acknowledged without storing, by account, bucket and type ("untracked:<Event or MsgType>").
  private untracked = new Map<string, CounterRow>();
  private untrackedTypes = new Map<string, Set<string>>();

  private slotsAt(now: number): Slots {
    if (now >= this.bucketEnd) {
      if (this.current.size) this.sealed.push({ bucketMs: this.bucketMs, slots: this.current });
      this.current = new Map();
      this.bucketMs = bucketStart(now);
      this.bucketEnd = this.bucketMs + BUCKET_MS;
    }
    return this.current; // a clock that stepped back keeps counting into the current bucket
  }

  private slot(accountId: string, now: number): Float64Array {
    const slots = this.slotsAt(now);
    let slot = slots.get(accountId);
    if (!slot) slots.set(accountId, (slot = new Float64Array(KIND_COUNT * 2)));
    return slot;
  }

  /** Counts one occurrence of a kind (callback-kinds.ts) for an account ("" for instance-wide). */
  record(accountId: string, kind: number, now = Date.now()) {
    const slot = this.slot(accountId, now);
    slot[kind]++;
    if (now > slot[KIND_COUNT + kind]) slot[KIND_COUNT + kind] = now;
  }

  /** An acknowledged push and its acknowledgement latency. */
  recordAccepted(accountId: string, latencyMs: number, now = Date.now()) {
    const slot = this.slot(accountId, now);
    slot[ACCEPTED]++;
    if (now > slot[KIND_COUNT + ACCEPTED]) slot[KIND_COUNT + ACCEPTED] = now;
    slot[latencyKind(latencyMs)]++;
  }

  /**
   * A push acknowledged without storing (a message, a menu click, a job report…), by its Event for an
   * event and its MsgType otherwise. Past MAX_UNTRACKED_TYPES distinct types an account's further types
   * count as "other", so forged types cannot grow memory or the counter table.
   */
  recordUntracked(accountId: string, msgType: string, event: string | undefined, now = Date.now()) {
    let types = this.untrackedTypes.get(accountId);
    if (!types) this.untrackedTypes.set(accountId, (types = new Set()));
    let type = msgType === "event" ? event || "event" : msgType;
    if (!types.has(type)) {
      if (types.size < MAX_UNTRACKED_TYPES) types.add(type);
      else type = "other";
    }
    const bucketMs = bucketStart(now);
    const key = `${accountId}\u0000${bucketMs}\u0000${type}`;
    const row = this.untracked.get(key);
    if (row) {
      row.count++;
      if (now > row.lastAtMs) row.lastAtMs = now;
    } else this.untracked.set(key, { accountId, bucketMs, kind: `${UNTRACKED_PREFIX}${type}`, count: 1, lastAtMs: now });
  }

  /** Everything counted since the last drain, as rows; the aggregator starts empty again. */
  drain(): CounterRow[] {
    const buckets = this.current.size ? [...this.sealed, { bucketMs: this.bucketMs, slots: this.current }] : this.sealed;
    this.sealed = [];
    this.current = new Map();
    const rows: CounterRow[] = [];
    for (const { bucketMs, slots } of buckets) {
      for (const [accountId, slot] of slots) {
        for (let kind = 0; kind < KIND_COUNT; kind++) {
          if (slot[kind] > 0) rows.push({ accountId, bucketMs, kind: KIND_NAMES[kind], count: slot[kind], lastAtMs: slot[KIND_COUNT + kind] });
        }
      }
    }
    rows.push(...this.untracked.values());
    this.untracked = new Map();
    return rows;
  }
}

/** Rows with the same (account, bucket, kind) added together: one upsert may touch a row only once. */
export function mergeRows(rows: CounterRow[]): CounterRow[] {
  const byKey = new Map<string, CounterRow>();
  for (const row of rows) {
    const key = `${row.accountId}\u0000${row.bucketMs}\u0000${row.kind}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...row });
    else {
      seen.count += row.count;
      seen.lastAtMs = Math.max(seen.lastAtMs, row.lastAtMs);
    }
  }
  return [...byKey.values()];
}
