// Changing an account's N of 有效关注: audited, and it starts a rebuild (lib/qualified/rebuild-qualified.ts)
// that re-derives every credited follower's qualified flag and the rollups under the new N.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { MAX_QUALIFY_DAYS, MIN_QUALIFY_DAYS } from "./qualify-window";
import { announcerStart } from "./announce-qualified";

export const qualifyDaysSchema = z.object({
  qualifyDays: z.coerce.number({ error: "invalid" }).int("invalid").min(MIN_QUALIFY_DAYS, "invalid").max(MAX_QUALIFY_DAYS, "invalid"),
});

type Actor = { email: string; id?: string | null };

/** Saves qualifyDays; returns whether it changed (an unchanged value starts no rebuild and writes no audit entry). */
export async function saveQualifyDays(accountId: string, input: unknown, actor: Actor, now = new Date()) {
  const { qualifyDays } = qualifyDaysSchema.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { qualifyDays: true } });
    if (before.qualifyDays === qualifyDays) return { changed: false, qualifyDays };
    await tx.account.update({ where: { id: accountId }, data: { qualifyDays } });
    // "" = rebuild from the first follower; a rebuild already under way starts over under the new N.
    await tx.qualifiedFollowState.upsert({
      where: { accountId },
      create: { accountId, announcedAt: announcerStart(now, qualifyDays), rebuildOpenid: "" },
      update: { rebuildOpenid: "" },
    });
    await writeAudit(tx, {
      actor: actor.email, userId: actor.id, action: "account.qualify-days", targetType: "account", targetId: accountId,
      detail: { from: before.qualifyDays, to: qualifyDays },
    });
    return { changed: true, qualifyDays };
  });
}
