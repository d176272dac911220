import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { db, type Tx } from "../db";
import { PERMANENT_KINDS } from "../promoters/qr-spec";
import { CampaignInputError, checkOverlap } from "./check-overlap";
import type { Actor } from "./save-campaign";

const id = z.string().regex(/^[\w-]{1,64}$/);

/** Whose codes: picked promoters, a team's members, or (for temporary codes) everyone already enrolled. */
export const enrolTargetSchema = z.union([
  z.object({ promoterIds: z.array(id).min(1, "nonePicked").max(5000) }),
  z.object({ teamId: id }),
  z.object({ enrolled: z.literal(true) }),
]);
export type EnrolTarget = z.infer<typeof enrolTargetSchema>;

/** The active promoters of the account a target names (never another account's). */
export async function targetPromoters(tx: Tx, accountId: string, campaignId: string, target: EnrolTarget) {
  const where =
    "promoterIds" in target ? { id: { in: target.promoterIds } }
    : "teamId" in target ? { teamId: target.teamId }
    : { qrCodes: { some: { campaigns: { some: { campaignId } } } } };
  return tx.promoter.findMany({ where: { accountId, active: true, ...where }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

export async function campaignOf(tx: Tx, accountId: string, campaignId: string) {
  return tx.campaign.findFirstOrThrow({ where: { id: campaignId, accountId }, select: { id: true, name: true, startDay: true, endDay: true } });
}

/**
 * Enrols the permanent codes of the target's promoters in the campaign. Refused as a whole (nothing
 * enrolled) when one of them is in another campaign with an overlapping window. Returns how many
 * codes were added; codes already enrolled count once.
 */
export async function enrolPermanentCodes(accountId: string, campaignId: string, input: unknown, actor: Actor) {
  const target = enrolTargetSchema.parse(input);
  const count = await db().$transaction(async (tx) => {
    const campaign = await campaignOf(tx, accountId, campaignId);
    const promoters = await targetPromoters(tx, accountId, campaignId, target);
    const codes = await tx.qrCode.findMany({
      where: { accountId, promoterId: { in: promoters.map((p) => p.id) }, kind: { in: [...PERMANENT_KINDS] }, campaigns: { none: { campaignId } } },
      select: { id: true },
    });
    if (!codes.length) throw new CampaignInputError("promoterIds", promoters.length ? "nothingToEnrol" : "nonePicked");
    const qrCodeIds = codes.map((c) => c.id);
    await checkOverlap(tx, campaignId, campaign, { qrCodeIds });
    const { count } = await tx.campaignCode.createMany({ data: qrCodeIds.map((qrCodeId) => ({ campaignId, qrCodeId })) });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "campaign.enrol", targetType: "campaign", targetId: campaignId, detail: { codes: count, promoters: promoters.length } });
    return count;
  });
  forgetCallbackCaches(); // the enrolled codes' follows get the campaign's reply at once
  return count;
}

/** Takes codes out of the campaign; their follows stay, and stop counting for it. */
export async function removeCampaignCodes(accountId: string, campaignId: string, qrCodeIds: string[], actor: Actor) {
  const removed = await db().$transaction(async (tx) => {
    await campaignOf(tx, accountId, campaignId);
    const { count } = await tx.campaignCode.deleteMany({ where: { campaignId, qrCodeId: { in: qrCodeIds } } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "campaign.unenrol", targetType: "campaign", targetId: campaignId, detail: { codes: count } });
    return count;
  });
  forgetCallbackCaches();
  return removed;
}
