import type { EventRow, PipelineDb } from "../pipeline-db/sql-session";
import { isBusyError } from "../pipeline-db/is-busy-error";

type Waiter = { row: EventRow; resolve: (inserted: boolean) => void; reject: (error: unknown) => void };

// A batch this large is split: statements stay small and one slow commit delays fewer pushes.
const MAX_BATCH = 500;

/**
 * Group commit for raw events: pushes that arrive while a commit is in flight (or in the same
 * turn of the event loop) are committed together in the next transaction, so under load one
 * fsync acknowledges many pushes. Each caller's promise settles only after its row's commit.
 */
export class GroupCommit {
  private waiting: Waiter[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly database: () => PipelineDb,
    private readonly onCommitted: (inserted: number) => void = () => {},
  ) {}

  /** Resolves to true when the row is new, false when it was already stored (a retry or a copy). */
  store(row: EventRow): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async commit(batch: Waiter[]) {
    const inserted = await this.database().insertEvents(batch.map((w) => w.row), new Date());
    batch.forEach((w, i) => w.resolve(inserted[i]));
    this.onCommitted(inserted.filter(Boolean).length);
  }

  private async flush() {
    this.flushing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        await this.commit(batch).catch(async (error) => {
          // One bad row (its account deleted a moment ago) must not fail the pushes beside it.
          if (batch.length === 1 || isBusyError(error)) return batch.forEach((w) => w.reject(error));
          for (const w of batch) await this.commit([w]).catch((e) => w.reject(e));
        });
      }
    } finally {
      this.flushing = false;
    }
  }
}
