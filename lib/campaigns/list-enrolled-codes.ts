import { db } from "../db";
import { effectiveStatus, isTemporary } from "../promoters/qr-spec";

// Codes listed on the campaign page; the rest are in the ZIP, the sheet and the board.
export const ENROLLED_SHOWN = 200;

/** The campaign's codes, by promoter name, as plain props for the page's list. */
export async function listEnrolledCodes(campaignId: string, now = new Date()) {
  const rows = await db().campaignCode.findMany({
    where: { campaignId },
    orderBy: [{ qrCode: { promoter: { name: "asc" } } }, { qrCodeId: "asc" }],
    take: ENROLLED_SHOWN,
    select: { qrCode: { select: { id: true, sceneKey: true, kind: true, label: true, status: true, expiresAt: true, promoter: { select: { name: true } } } } },
  });
  return rows.map(({ qrCode: q }) => ({
    id: q.id,
    sceneKey: q.sceneKey,
    promoterName: q.promoter?.name ?? null,
    label: q.label,
    temporary: isTemporary(q.kind),
    status: effectiveStatus(q, now),
    expiresAt: q.expiresAt?.toISOString() ?? null,
  }));
}
