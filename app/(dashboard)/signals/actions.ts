"use server";

import { revalidatePath } from "next/cache";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { writeAudit } from "@/lib/audit/write-audit";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requestSignalRefresh } from "@/lib/signals/run-scheduled-signals";

/** 立即重新计算: asks for the active account's recomputation now (writers only), audited; the attribution thread runs it within seconds. */
export async function recomputeSignalsAction(): Promise<void> {
  const user = await requireUser("write");
  const accountId = await requireActiveAccountId();
  await requestSignalRefresh(accountId);
  await writeAudit(db(), { actor: user.email, userId: user.id, action: "signals.recompute", targetType: "account", targetId: accountId });
  revalidatePath("/signals");
}
