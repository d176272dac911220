"use server";

import { revalidatePath } from "next/cache";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { writeAudit } from "@/lib/audit/write-audit";
import { requireUser } from "@/lib/auth/session";
import { crosscheckRangeSchema } from "@/lib/crosscheck/crosscheck-range";
import { runCrosscheck } from "@/lib/crosscheck/run-crosscheck";
import { db } from "@/lib/db";

export type CrosscheckActionResult =
  | { ok: true; days: number; fetched: boolean }
  | { ok: false; invalid: true }
  | { ok: false; invalid?: false; errcode: number; errmsg: string };

/** 立即从微信获取: fetches WeChat's figures for the page's range now (writers only), audited. */
export async function runCrosscheckAction(form: FormData): Promise<CrosscheckActionResult> {
  const user = await requireUser("write");
  const parsed = crosscheckRangeSchema.safeParse({ from: form.get("from"), to: form.get("to") });
  if (!parsed.success) return { ok: false, invalid: true };
  const accountId = await requireActiveAccountId();
  const run = await runCrosscheck(accountId, parsed.data);
  await writeAudit(db(), {
    actor: user.email,
    userId: user.id,
    action: "crosscheck.fetch",
    targetType: "account",
    targetId: accountId,
    detail: { ...parsed.data, days: run.days, ...(run.ok ? {} : { errcode: run.errcode }) },
  });
  revalidatePath("/crosscheck");
  return run.ok ? { ok: true, days: run.days, fetched: run.fetched !== null } : { ok: false, errcode: run.errcode, errmsg: run.errmsg };
}
