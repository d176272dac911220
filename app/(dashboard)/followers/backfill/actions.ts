"use server";

import { revalidatePath } from "next/cache";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { BackfillBusyError } from "@/lib/backfill/backfill-run";
import { startBackfill } from "@/lib/backfill/start-backfill";

export type BackfillActionResult = { ok: true } | { ok: false; error: "busy" };

/** Starts the active account's import, or resumes its unfinished one; the job runs on after the answer. */
export async function startBackfillAction(): Promise<BackfillActionResult> {
  const user = await requireUser("write");
  try {
    await startBackfill(await requireActiveAccountId(), user);
  } catch (error) {
    if (error instanceof BackfillBusyError) return { ok: false, error: "busy" };
    throw error;
  }
  revalidatePath("/followers/backfill");
  return { ok: true };
}
