import { writeAudit } from "../audit/write-audit";
import { db, isUniqueViolation } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { campaignSchema } from "./campaign-schema";
import { CampaignInputError, checkOverlap } from "./check-overlap";

export type Actor = { email: string; id?: string | null };

const nameTaken = (error: unknown) => {
  if (isUniqueViolation(error)) return new CampaignInputError("name", "nameTaken");
  return error;
};

/** Creates a campaign: a name unique in the account, a window of days and an optional target. */
export async function createCampaign(accountId: string, input: unknown, actor: Actor) {
  const data = campaignSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const campaign = await tx.campaign.create({ data: { accountId, ...data } });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "campaign.create", targetType: "campaign", targetId: campaign.id, detail: data });
      return campaign;
    });
  } catch (error) {
    throw nameTaken(error);
  }
}

/** Renames a campaign, moves its window (refused when one of its codes would then overlap another campaign) or changes its target. */
export async function updateCampaign(accountId: string, id: string, input: unknown, actor: Actor) {
  const data = campaignSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      await tx.campaign.findFirstOrThrow({ where: { id, accountId }, select: { id: true } });
      await checkOverlap(tx, id, data, { ofCampaign: id });
      const campaign = await tx.campaign.update({ where: { id }, data });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "campaign.update", targetType: "campaign", targetId: id, detail: data });
      return campaign;
    });
  } catch (error) {
    throw nameTaken(error);
  } finally {
    forgetCallbackCaches(); // a campaign's reply applies to follows within its window
  }
}

/** Deletes a campaign and its enrolments. The codes, their follows and every count stay. */
export async function deleteCampaign(accountId: string, id: string, actor: Actor) {
  await db().$transaction(async (tx) => {
    const campaign = await tx.campaign.findFirstOrThrow({ where: { id, accountId }, select: { name: true } });
    await tx.campaign.delete({ where: { id } });
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "campaign.delete", targetType: "campaign", targetId: id, detail: { name: campaign.name } });
  });
  forgetCallbackCaches();
}

/** The account's campaigns, the latest window first. */
export function listCampaigns(accountId: string) {
  return db().campaign.findMany({
    where: { accountId },
    orderBy: [{ startDay: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, startDay: true, endDay: true, target: true, createdAt: true, _count: { select: { codes: true } } },
  });
}
