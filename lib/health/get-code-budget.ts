import { db } from "../db";

/** WeChat's limit on permanent parametric codes (QR_LIMIT_SCENE and QR_LIMIT_STR_SCENE together) per account. */
export const PERMANENT_CODE_LIMIT = 100_000;

export type CodeBudget = { permanentCreated: number; permanentLimit: number; activeCodes: number };

/** Permanent codes Scenecode created at WeChat for the account (of the 100,000 allowed), and the codes that can bring pushes now. */
export async function getCodeBudget(accountId: string, now = new Date()): Promise<CodeBudget> {
  const [permanentCreated, activeCodes] = await Promise.all([
    db().qrCode.count({ where: { accountId, kind: { in: ["QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE"] }, status: "active" } }),
    db().qrCode.count({ where: { accountId, status: "active", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
  ]);
  return { permanentCreated, permanentLimit: PERMANENT_CODE_LIMIT, activeCodes };
}
