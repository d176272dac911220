import { Prisma, type Tx } from "../db";
import { env } from "../env";
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
  await lockCodes(tx, codes);
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

/**
 * PostgreSQL: holds the codes' rows to the end of the transaction, so two enrolments of one code in
 * overlapping campaigns (or an enrolment and a window move) run one after the other and the second
 * sees the first (read committed: each statement after the lock sees what committed before it). SQLite
 * has one writer at a time, and a transaction whose reads went stale cannot commit its write.
 */
async function lockCodes(tx: Tx, codes: Codes) {
  if (env().databaseProvider !== "postgresql") return;
  const which = "qrCodeIds" in codes
    ? Prisma.sql`"id" IN (${Prisma.join(codes.qrCodeIds)})`
    : Prisma.sql`"id" IN (SELECT cc."qrCodeId" FROM "CampaignCode" cc WHERE cc."campaignId" = ${codes.ofCampaign})`;
  await tx.$queryRaw(Prisma.sql`SELECT "id" FROM "QrCode" WHERE ${which} ORDER BY "id" FOR UPDATE`);
}
