"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import type { SettlementLineData, SettlementTotals } from "@/lib/settlement/aggregate-lines";
import { deletePrice, setPrice } from "@/lib/settlement/save-price";
import { SettlementError } from "@/lib/settlement/settlement-error";
import { previewSettlement, settlePeriod } from "@/lib/settlement/settle-period";

type Failure = { ok: false; error: string; params?: Record<string, string | number> };
export type PriceResult = { ok: true } | Failure;
export type PreviewResult = { ok: true; lines: SettlementLineData[]; totals: SettlementTotals; more: number } | Failure;
export type LockResult = { ok: true; id: string } | Failure;

const PREVIEW_LINES = 50; // the preview shows the top of the sheet; the locked run shows every line

function failure(error: unknown): Failure {
  if (error instanceof SettlementError) return { ok: false, error: error.key, params: error.params };
  if (error instanceof ZodError) return { ok: false, error: "invalidDay" };
  throw error;
}

async function adminAccount() {
  const user = await requireUser("write");
  const { account } = await getActiveAccount();
  if (!account) throw new Error("No Official Account is connected");
  return { user, account };
}

const refresh = () => revalidatePath("/settlements", "layout");

export async function setPriceAction(form: FormData): Promise<PriceResult> {
  const { user, account } = await adminAccount();
  try {
    await setPrice(account.id, Object.fromEntries(form), user);
    refresh();
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function deletePriceAction(id: string): Promise<void> {
  const { user, account } = await adminAccount();
  await deletePrice(account.id, id, user);
  refresh();
}

export async function previewSettlementAction(form: FormData): Promise<PreviewResult> {
  const { account } = await adminAccount();
  try {
    const { lines, totals } = await previewSettlement(account, Object.fromEntries(form));
    return { ok: true, lines: lines.slice(0, PREVIEW_LINES), totals, more: Math.max(0, lines.length - PREVIEW_LINES) };
  } catch (error) {
    return failure(error);
  }
}

export async function lockSettlementAction(form: FormData): Promise<LockResult> {
  const { user, account } = await adminAccount();
  try {
    const run = await settlePeriod(account, Object.fromEntries(form), user);
    refresh();
    return { ok: true, id: run.id };
  } catch (error) {
    return failure(error);
  }
}
