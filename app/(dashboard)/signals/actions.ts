"use server";

import { revalidatePath } from "next/cache";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { writeAudit } from "@/lib/audit/write-audit";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { refreshSignals } from "@/lib/signals/refresh-signals";

/** 立即重新计算: recomputes the active account's signals now (writers only), audited. */
export async function recomputeSignalsAction(): Promise<{ flagged: number }> {
  const user = await requireUser("write");
  const accountId = await requireActiveAccountId();
  const { flagged, totalMs } = await refreshSignals(accountId);
  await writeAudit(db(), { actor: user.email, userId: user.id, action: "signals.recompute", targetType: "account", targetId: accountId, detail: { flagged, ms: Math.round(totalMs) } });
  revalidatePath("/", "layout");
  return { flagged };
}
