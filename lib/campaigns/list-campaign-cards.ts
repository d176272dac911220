import { db } from "../db";
import { SHEET_MAX_CARDS, type SheetCard } from "../batch/list-sheet-cards";
import { effectiveStatus } from "../promoters/qr-spec";

/**
 * The print sheet of a campaign: one card per enrolled code that has a working image (a promoter
 * with a permanent and a temporary code gets both), by promoter name, at most SHEET_MAX_CARDS.
 */
export async function listCampaignCards(accountId: string, campaignId: string, now = new Date()) {
  const where = { campaignId, campaign: { accountId } };
  const [total, rows] = await Promise.all([
    db().campaignCode.count({ where }),
    db().campaignCode.findMany({
      where,
      orderBy: [{ qrCode: { promoter: { name: "asc" } } }, { qrCodeId: "asc" }],
      take: SHEET_MAX_CARDS,
      select: { qrCode: { select: { sceneKey: true, url: true, status: true, expiresAt: true, label: true, promoterId: true, promoter: { select: { name: true } } } } },
    }),
  ]);
  const cards: SheetCard[] = [];
  for (const { qrCode: q } of rows) {
    if (q.url && effectiveStatus(q, now) === "active") cards.push({ promoterId: q.promoterId ?? "", name: q.promoter?.name ?? q.label ?? "", sceneKey: q.sceneKey, url: q.url });
  }
  return { cards, capped: total > SHEET_MAX_CARDS, withoutCode: rows.length - cards.length };
}
