import type { Tx } from "../db";
import { PERMANENT_KINDS } from "./qr-spec";

export const PERMANENT_CODE_LIMIT = 100_000;

export class PermanentBudgetExhaustedError extends Error {
  constructor() {
    super(`All ${PERMANENT_CODE_LIMIT} permanent QR codes of this account are used; WeChat cannot delete them`);
  }
}

/** Permanent codes used and left: WeChat allows 100,000 per account and never frees one. */
export async function permanentBudget(tx: Tx, accountId: string) {
  const used = await tx.qrCode.count({ where: { accountId, kind: { in: [...PERMANENT_KINDS] } } });
  return { used, limit: PERMANENT_CODE_LIMIT, left: Math.max(0, PERMANENT_CODE_LIMIT - used) };
}

/**
 * The next free permanent integer scene (1..100000). The caller inserts it; the unique index on
 * (account, sceneKey) turns a race with another allocation into a retry, never a shared scene.
 */
export async function nextPermanentSceneId(tx: Tx, accountId: string, skip = 0): Promise<number> {
  const { left } = await permanentBudget(tx, accountId);
  if (left === 0) throw new PermanentBudgetExhaustedError();
  const [max, unknown] = await Promise.all([
    tx.qrCode.aggregate({ where: { accountId, kind: "QR_LIMIT_SCENE" }, _max: { sceneId: true } }),
    // Scenes already arriving in pushes belong to codes made outside Scenecode: never reuse them.
    tx.attribution.findMany({ where: { accountId, kind: "unknown_scene" }, distinct: ["sceneKey"], select: { sceneKey: true } }),
  ]);
  const seen = unknown.map((u) => Number(u.sceneKey)).filter((n) => Number.isInteger(n) && n <= PERMANENT_CODE_LIMIT);
  const next = Math.max(max._max.sceneId ?? 0, ...seen) + 1 + skip;
  if (next > PERMANENT_CODE_LIMIT) throw new PermanentBudgetExhaustedError();
  return next;
}
