"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { fieldErrors, type FieldErrors } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { parseIdList } from "@/lib/batch/parse-id-list";
import { CampaignInputError } from "@/lib/campaigns/check-overlap";
import { createCampaignCodes, type CampaignCodesResult } from "@/lib/campaigns/create-campaign-codes";
import { enrolPermanentCodes, removeCampaignCodes } from "@/lib/campaigns/enrol-codes";
import { createCampaign, deleteCampaign, updateCampaign } from "@/lib/campaigns/save-campaign";

type Failure = { ok: false; errors: FieldErrors; params?: Record<string, string | number> };
export type CampaignFormResult = { ok: true; id: string } | Failure;
export type EnrolResult = { ok: true; enrolled?: number; codes?: CampaignCodesResult } | Failure;

function formError(error: unknown): Failure {
  if (error instanceof ZodError) return { ok: false, errors: fieldErrors(error) };
  if (error instanceof CampaignInputError) return { ok: false, errors: { [error.field]: error.key }, params: error.params };
  throw error;
}

const refresh = () => revalidatePath("/campaigns", "layout");

export async function createCampaignAction(form: FormData): Promise<CampaignFormResult> {
  const user = await requireUser("write");
  try {
    const campaign = await createCampaign(await requireActiveAccountId(), Object.fromEntries(form), user);
    refresh();
    return { ok: true, id: campaign.id };
  } catch (error) {
    return formError(error);
  }
}

export async function updateCampaignAction(id: string, form: FormData): Promise<CampaignFormResult> {
  const user = await requireUser("write");
  try {
    await updateCampaign(await requireActiveAccountId(), id, Object.fromEntries(form), user);
    refresh();
    return { ok: true, id };
  } catch (error) {
    return formError(error);
  }
}

export async function deleteCampaignAction(id: string): Promise<void> {
  const user = await requireUser("write");
  await deleteCampaign(await requireActiveAccountId(), id, user);
  refresh();
}

/**
 * Enrols codes: `mode` "permanent" (the promoters' permanent codes) or "temporary" (a temporary code
 * each, made at WeChat for the window); whose: `promoterIds` (one or more), a `teamId`, or
 * `scope` "enrolled" (every promoter already in the campaign).
 */
export async function enrolCampaignAction(id: string, form: FormData): Promise<EnrolResult> {
  const user = await requireUser("write");
  try {
    const accountId = await requireActiveAccountId();
    const teamId = String(form.get("teamId") ?? "").trim();
    const promoterIds = parseIdList(form.getAll("promoterIds").map(String)) ?? [];
    const target = form.get("scope") === "enrolled" ? { enrolled: true } : teamId ? { teamId } : { promoterIds };
    if ("promoterIds" in target && !promoterIds.length) return { ok: false, errors: { promoterIds: "nonePicked" } };
    const result: EnrolResult =
      form.get("mode") === "temporary"
        ? { ok: true, codes: await createCampaignCodes(accountId, id, target, user) }
        : { ok: true, enrolled: await enrolPermanentCodes(accountId, id, target, user) };
    refresh();
    return result;
  } catch (error) {
    return formError(error);
  }
}

export async function removeCampaignCodeAction(id: string, qrCodeId: string): Promise<void> {
  const user = await requireUser("write");
  await removeCampaignCodes(await requireActiveAccountId(), id, [qrCodeId], user);
  refresh();
}
