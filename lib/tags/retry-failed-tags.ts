// The retry button: a mapping's failed rows (or one row) go back to pending, due now, with a fresh attempt count.
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { nudgeTagging } from "./tagging-worker";

type Actor = { email: string; id?: string | null };

/** Re-queues failed rows of the mapping (all of them, or the one `rowId`); returns how many. */
export async function retryFailedTags(accountId: string, mappingId: string, actor: Actor, rowId?: number): Promise<number> {
  const count = await db().$transaction(async (tx) => {
    const { count: n } = await tx.followerTag.updateMany({
      where: { accountId, tagMappingId: mappingId, status: "failed", ...(rowId ? { id: rowId } : {}) },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), claimedUntil: null },
    });
    if (n) await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "tag.retry", targetType: "tag", targetId: mappingId, detail: { rows: n, ...(rowId ? { rowId } : {}) } });
    return n;
  });
  if (count) nudgeTagging();
  return count;
}
