import { db } from "../db";
import { hashSelfServiceToken, looksLikeSelfServiceToken } from "./self-service-token";
import { readSignedLink, verifySignedLink } from "./signed-link";

const SELECT = {
  id: true,
  name: true,
  accountId: true,
  active: true,
  selfServiceEnabled: true,
  selfServiceTokenHash: true,
  account: { select: { name: true, timezone: true } },
  qrCodes: { where: { kind: "QR_LIMIT_SCENE" }, select: { url: true, status: true, sceneKey: true }, orderBy: { createdAt: "asc" }, take: 1 },
} as const;

/**
 * The promoter behind a private link, or null when the token is malformed or unknown, the link is
 * disabled, or the promoter is inactive. Only the token's SHA-256 is stored, found through a unique
 * index; the token is a 256-bit random value, so the lookup leaks nothing worth a constant-time comparison.
 * A short-lived signed link (lib/self-service/signed-link.ts, sent in WeChat replies) opens the same page.
 */
export async function findSelfServicePromoter(token: string) {
  const signed = looksLikeSelfServiceToken(token) ? null : readSignedLink(token);
  if (!signed && !looksLikeSelfServiceToken(token)) return null;
  const promoter = signed
    ? await db().promoter.findUnique({ where: { id: signed.promoterId }, select: SELECT })
    : await db().promoter.findUnique({ where: { selfServiceTokenHash: hashSelfServiceToken(token) }, select: SELECT });
  if (!promoter || !promoter.active || !promoter.selfServiceEnabled) return null;
  if (signed && !verifySignedLink(token, promoter.selfServiceTokenHash)) return null;
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
