import { db } from "../db";
import { effectiveStatus } from "../promoters/qr-spec";

export const SHEET_MAX_CARDS = 500;

export type SheetCard = { promoterId: string; name: string; sceneKey: string; url: string };

/**
 * The cards of a print sheet: each promoter's main (first) code, when it is active. Without ids, all
 * active promoters of the account; either way, at most SHEET_MAX_CARDS, oldest promoters first.
 */
export async function listSheetCards(accountId: string, promoterIds?: string[], now = new Date()) {
  const base = { accountId, ...(promoterIds ? { id: { in: promoterIds.slice(0, SHEET_MAX_CARDS) } } : { active: true }) };
  const where = { ...base, qrCodes: { some: { status: "active", url: { not: null } } } };
  const [all, total, promoters] = await Promise.all([
    db().promoter.count({ where: base }),
    db().promoter.count({ where }),
    db().promoter.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SHEET_MAX_CARDS,
      select: { id: true, name: true, qrCodes: { select: { sceneKey: true, url: true, status: true, expiresAt: true }, orderBy: { createdAt: "asc" }, take: 1 } },
    }),
  ]);
  const cards: SheetCard[] = [];
  for (const p of promoters) {
    const qr = p.qrCodes[0];
    if (qr?.url && effectiveStatus(qr, now) === "active") cards.push({ promoterId: p.id, name: p.name, sceneKey: qr.sceneKey, url: qr.url });
  }
  const capped = total > SHEET_MAX_CARDS || (promoterIds?.length ?? 0) > SHEET_MAX_CARDS;
  return { cards, capped, withoutCode: all - total + (promoters.length - cards.length) };
}
