import { db } from "../db";
import { effectiveStatus, EXPIRING_SOON_MS, isExpiringSoon } from "./qr-spec";

/** Every code of a promoter, oldest first, with its status as of now and an expiring-soon flag. */
export async function listPromoterCodes(accountId: string, promoterId: string, now = new Date()) {
  const codes = await db().qrCode.findMany({ where: { accountId, promoterId }, orderBy: { createdAt: "asc" } });
  return codes.map((qr) => ({ ...qr, status: effectiveStatus(qr, now), expiringSoon: isExpiringSoon(qr, now) }));
}

export type PromoterCode = Awaited<ReturnType<typeof listPromoterCodes>>[number];

/** Temporary codes of the account that expire within the warning window. */
export function countExpiringSoon(accountId: string, now = new Date()) {
  return db().qrCode.count({
    where: { accountId, status: "active", expiresAt: { gt: now, lt: new Date(now.getTime() + EXPIRING_SOON_MS) } },
  });
}
