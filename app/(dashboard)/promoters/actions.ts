"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { getActiveAccount, requireActiveAccountId } from "@/lib/accounts/active-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { PermanentBudgetExhaustedError } from "@/lib/promoters/allocate-scene";
import { addQrCode, SceneTakenError } from "@/lib/promoters/add-qrcode";
import { assignScene } from "@/lib/promoters/assign-scene";
import { createPromoter } from "@/lib/promoters/create-promoter";
import { db } from "@/lib/db";
import { issueQrCode, type IssueResult } from "@/lib/promoters/issue-qrcode";
import { setPromoterActive, updatePromoter } from "@/lib/promoters/update-promoter";

export type PromoterFormResult = { ok: true; id: string; qr?: IssueResult } | { ok: false; errors: FieldErrors };

function formError(error: unknown): PromoterFormResult {
  if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
  if (error instanceof PermanentBudgetExhaustedError) return { ok: false, errors: { form: "budgetExhausted" } };
  throw error;
}

export async function createPromoterAction(form: FormData): Promise<PromoterFormResult> {
  const user = await requireUser("write");
  try {
    const created = await createPromoter(await requireActiveAccountId(), Object.fromEntries(form), user);
    revalidatePath("/promoters");
    return { ok: true, id: created.promoterId, qr: created.qr ?? undefined };
  } catch (error) {
    return formError(error);
  }
}

export async function updatePromoterAction(id: string, form: FormData): Promise<PromoterFormResult> {
  const user = await requireUser("write");
  try {
    await updatePromoter(await requireActiveAccountId(), id, Object.fromEntries(form), user);
    revalidatePath(`/promoters/${id}`);
    return { ok: true, id };
  } catch (error) {
    return formError(error);
  }
}

/** Retries a failed code, or renews a temporary one (a new ticket valid for its full period). */
export async function reissueQrCodeAction(qrCodeId: string): Promise<IssueResult> {
  await requireUser("write");
  const qr = await db().qrCode.findFirst({ where: { id: qrCodeId, accountId: await requireActiveAccountId() }, select: { id: true, promoterId: true } });
  if (!qr) throw new Error("QR code not found");
  const result = await issueQrCode(qr.id);
  revalidatePath(`/promoters/${qr.promoterId}`);
  return result;
}

export async function addQrCodeAction(promoterId: string, form: FormData): Promise<PromoterFormResult> {
  const user = await requireUser("write");
  try {
    const added = await addQrCode(await requireActiveAccountId(), promoterId, Object.fromEntries(form), user);
    revalidatePath(`/promoters/${promoterId}`);
    return { ok: true, id: added.qrCodeId, qr: added.result };
  } catch (error) {
    if (error instanceof SceneTakenError) return { ok: false, errors: { sceneStr: "sceneTaken" } };
    return formError(error);
  }
}

export async function setPromoterActiveAction(id: string, active: boolean) {
  const user = await requireUser("write");
  await setPromoterActive(await requireActiveAccountId(), id, active, user);
  revalidatePath(`/promoters/${id}`);
  revalidatePath("/promoters");
}

/** Gives a scene that arrived unattributed to a promoter and credits its follows so far. */
export async function assignSceneAction(form: FormData) {
  const user = await requireUser("write");
  const { account } = await getActiveAccount();
  if (!account) throw new Error("No Official Account is connected");
  const promoterId = String(form.get("promoterId") ?? "");
  const sceneKey = String(form.get("sceneKey") ?? "");
  await assignScene(account, promoterId, sceneKey, user);
  revalidatePath("/promoters");
  revalidatePath("/leaderboard");
}
