"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { PermanentBudgetExhaustedError } from "@/lib/promoters/allocate-scene";
import { createPromoter } from "@/lib/promoters/create-promoter";
import { issueQrCode, type IssueResult } from "@/lib/promoters/issue-qrcode";
import { getPromoter } from "@/lib/promoters/list-promoters";
import { setPromoterActive, updatePromoter } from "@/lib/promoters/update-promoter";

export type PromoterFormResult = { ok: true; id: string; qr?: IssueResult } | { ok: false; errors: FieldErrors };

async function activeAccountId() {
  const { account } = await getActiveAccount();
  if (!account) throw new Error("No Official Account is connected");
  return account.id;
}

function formError(error: unknown): PromoterFormResult {
  if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
  if (error instanceof PermanentBudgetExhaustedError) return { ok: false, errors: { form: "budgetExhausted" } };
  throw error;
}

export async function createPromoterAction(form: FormData): Promise<PromoterFormResult> {
  const user = await requireUser("write");
  try {
    const created = await createPromoter(await activeAccountId(), Object.fromEntries(form), user);
    revalidatePath("/promoters");
    return { ok: true, id: created.promoterId, qr: created.qr };
  } catch (error) {
    return formError(error);
  }
}

export async function updatePromoterAction(id: string, form: FormData): Promise<PromoterFormResult> {
  const user = await requireUser("write");
  try {
    await updatePromoter(await activeAccountId(), id, Object.fromEntries(form), user);
    revalidatePath(`/promoters/${id}`);
    return { ok: true, id };
  } catch (error) {
    return formError(error);
  }
}

export async function retryQrCodeAction(id: string): Promise<IssueResult> {
  await requireUser("write");
  const promoter = await getPromoter(await activeAccountId(), id);
  if (!promoter?.qrCode) throw new Error("Promoter not found");
  const result = await issueQrCode(promoter.qrCode.id);
  revalidatePath(`/promoters/${id}`);
  return result;
}

export async function setPromoterActiveAction(id: string, active: boolean) {
  const user = await requireUser("write");
  await setPromoterActive(await activeAccountId(), id, active, user);
  revalidatePath(`/promoters/${id}`);
  revalidatePath("/promoters");
}
