import type { Tx } from "../db";
import type { Window } from "./campaign-window";

/** A refusal the form shows next to its field: the key is a message under `campaigns.errors`. */
export class CampaignInputError extends Error {
  constructor(readonly field: string, readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(`${field}: ${key}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
  }
}

type Codes = { qrCodeIds: string[] } | { ofCampaign: string };

/**
 * Refuses when one of the codes is already in another campaign whose window shares a day with this
 * one: a follow through it would count for both. Names the other campaign and the code's scene.
 */
export async function checkOverlap(tx: Tx, campaignId: string | null, window: Window, codes: Codes) {
  const clash = await tx.campaignCode.findFirst({
    where: {
      ...("qrCodeIds" in codes ? { qrCodeId: { in: codes.qrCodeIds } } : { qrCode: { campaigns: { some: { campaignId: codes.ofCampaign } } } }),
      ...(campaignId ? { campaignId: { not: campaignId } } : {}),
      campaign: { startDay: { lte: window.endDay }, endDay: { gte: window.startDay } },
    },
    orderBy: [{ campaign: { startDay: "asc" } }, { qrCodeId: "asc" }],
    select: { campaign: { select: { name: true, startDay: true, endDay: true } }, qrCode: { select: { sceneKey: true } } },
  });
  if (clash) {
    const { name, startDay, endDay } = clash.campaign;
    throw new CampaignInputError("codes", "overlap", { campaign: name, from: startDay, to: endDay, scene: clash.qrCode.sceneKey });
  }
}
