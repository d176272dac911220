import { db } from "../db";
import { hashSelfServiceToken, looksLikeSelfServiceToken } from "./self-service-token";

const SELECT = {
  id: true,
  name: true,
  accountId: true,
  active: true,
  selfServiceEnabled: true,
  account: { select: { name: true, timezone: true } },
  qrCodes: { where: { kind: "QR_LIMIT_SCENE" }, select: { url: true, status: true, sceneKey: true }, orderBy: { createdAt: "asc" }, take: 1 },
} as const;

/**
 * The promoter behind a private link, or null when the token is malformed or unknown, the link is
 * disabled, or the promoter is inactive. Only the token's SHA-256 is stored, found through a unique
 * index; the token is a 256-bit random value, so the lookup leaks nothing worth a constant-time comparison.
 */
export async function findSelfServicePromoter(token: string) {
  if (!looksLikeSelfServiceToken(token)) return null;
  const promoter = await db().promoter.findUnique({ where: { selfServiceTokenHash: hashSelfServiceToken(token) }, select: SELECT });
  if (!promoter || !promoter.active || !promoter.selfServiceEnabled) return null;
  const code = promoter.qrCodes[0];
  return {
    id: promoter.id,
    name: promoter.name,
    accountId: promoter.accountId,
    account: promoter.account,
    qr: code?.url && code.status === "active" ? { url: code.url, sceneKey: code.sceneKey } : null,
  };
}

export type SelfServicePromoter = NonNullable<Awaited<ReturnType<typeof findSelfServicePromoter>>>;
