"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { z, ZodError } from "zod";
import { canUseAccount } from "@/lib/accounts/account-access";
import { requireUser } from "@/lib/auth/session";
import { ApplicationNotPendingError, approveApplication, rejectApplication, resendApplicationLink } from "@/lib/enrol/decide-application";
import { customSendHint } from "@/lib/enrol/custom-send-hint";
import type { Delivery } from "@/lib/enrol/deliver-link";
import { qrErrorHint } from "@/lib/promoters/qr-error-hint";
import type { WechatErrorHint } from "@/lib/wechat/wechat-error";

/** One application's outcome, with what to do about a WeChat refusal (the code, or the custom message). */
export type DecisionOutcome =
  | { id: string; ok: true; promoterId?: string; qr?: { errcode: number; hint: WechatErrorHint } | null; delivery?: { errcode: number; hint: WechatErrorHint } | null }
  | { id: string; ok: false; error: "notPending" | "nameInvalid" };

const decisionSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  items: z.array(z.object({ id: z.string().min(1).max(40), name: z.string().max(200).optional() })).min(1).max(100),
});

const failedDelivery = (d: Delivery) => (d.ok ? null : { errcode: d.errcode, hint: customSendHint(d.errcode, d.errmsg) });

async function decideOne(accountId: string, decision: "approve" | "reject", item: { id: string; name?: string }, user: { email: string; id: string }): Promise<DecisionOutcome> {
  try {
    if (decision === "reject") {
      await rejectApplication(accountId, item.id, user);
      return { id: item.id, ok: true };
    }
    const approval = await approveApplication(accountId, item.id, { name: item.name?.trim() || null }, user);
    const qr = approval.qr && !approval.qr.ok ? { errcode: approval.qr.errcode ?? -2, hint: qrErrorHint(approval.qr.errcode ?? -2, approval.qr.errmsg) } : null;
    return { id: item.id, ok: true, promoterId: approval.promoterId, qr, delivery: failedDelivery(approval.delivery) };
  } catch (error) {
    if (error instanceof ApplicationNotPendingError) return { id: item.id, ok: false, error: "notPending" };
    if (error instanceof ZodError) return { id: item.id, ok: false, error: "nameInvalid" };
    throw error;
  }
}

/** Approves or rejects one or several pending applications of the account, one after another. */
export async function decideApplicationsAction(accountId: string, input: unknown): Promise<DecisionOutcome[]> {
  const user = await requireUser("write");
  if (!canUseAccount(user, accountId)) forbidden();
  const { decision, items } = decisionSchema.parse(input);
  const outcomes: DecisionOutcome[] = [];
  for (const item of items) outcomes.push(await decideOne(accountId, decision, item, user));
  revalidatePath("/applications");
  return outcomes;
}

/** Sends an approved applicant a fresh 24-hour link again. */
export async function resendLinkAction(accountId: string, applicationId: unknown): Promise<{ ok: true } | { ok: false; errcode: number; hint: WechatErrorHint }> {
  const user = await requireUser("write");
  if (!canUseAccount(user, accountId)) forbidden();
  const delivery = await resendApplicationLink(accountId, z.string().min(1).max(40).parse(applicationId), user);
  revalidatePath("/applications");
  return delivery.ok ? { ok: true } : { ok: false, errcode: delivery.errcode, hint: customSendHint(delivery.errcode, delivery.errmsg) };
}
