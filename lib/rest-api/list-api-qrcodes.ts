import { db } from "../db";
import { pageOf } from "./api-cursor";
import { serializeQrCode, type ApiQrCode } from "./serialize-qrcode";

/**
 * One page of a promoter's codes, oldest first (keyset on createdAt, id: codes added meanwhile come
 * after every cursor), or null when the promoter is not of this account.
 */
export async function listApiQrCodes(accountId: string, promoterId: string, q: { limit: number; cursor?: [string, string] }) {
  const promoter = await db().promoter.findFirst({ where: { id: promoterId, accountId }, select: { id: true } });
  if (!promoter) return null;
  const after = q.cursor ? { createdAt: new Date(q.cursor[0]), id: q.cursor[1] } : null;
  const rows = await db().qrCode.findMany({
    where: { accountId, promoterId, ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  const now = new Date();
  const { page, nextCursor } = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.map((r) => serializeQrCode(r, now)), nextCursor };
}

/** One code of the account, or null (also for another account's code). */
export async function getApiQrCode(accountId: string, id: string): Promise<ApiQrCode | null> {
  const row = await db().qrCode.findFirst({ where: { id, accountId } });
  return row ? serializeQrCode(row) : null;
}
