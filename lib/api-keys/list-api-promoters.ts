import { createPromoter } from "../promoters/create-promoter";
import { getPromoter, listPromoters, type PromoterFilter } from "../promoters/list-promoters";
import { getPromoterTotals } from "../stats/get-promoter-totals";
import { pageOf } from "../rest-api/api-cursor";
import { serializePromoter, type ApiPromoter } from "./serialize-promoter";

/**
 * One page of an account's promoters, newest first, with all-time counts and the cursor of the next
 * page (keyset on createdAt, id: promoters added meanwhile sort before the cursor, so none repeats).
 */
export async function listApiPromoters(
  accountId: string,
  { cursor, take, ...filter }: Pick<PromoterFilter, "q" | "skip"> & { take: number; cursor?: [string, string] },
): Promise<{ data: ApiPromoter[]; total: number; nextCursor: string | null }> {
  const before = cursor ? { createdAt: new Date(cursor[0]), id: cursor[1] } : undefined;
  const { promoters, total } = await listPromoters(accountId, { ...filter, before, skip: before ? 0 : filter.skip, take: take + 1 });
  const { page, nextCursor } = pageOf(promoters, take, (p) => [p.createdAt.toISOString(), p.id]);
  const counts = await getPromoterTotals(accountId, page.map((p) => p.id));
  return { data: page.map((p) => serializePromoter(p, counts.get(p.id))), total, nextCursor };
}

/** One promoter of the account, or null (also for another account's promoter). */
export async function getApiPromoter(accountId: string, id: string): Promise<ApiPromoter | null> {
  const promoter = await getPromoter(accountId, id);
  if (!promoter) return null;
  const counts = await getPromoterTotals(accountId, [promoter.id]);
  return serializePromoter(promoter, counts.get(promoter.id));
}

/** Creates a promoter and its QR code; a WeChat refusal still returns the saved promoter, its code failed. */
export async function createApiPromoter(accountId: string, input: unknown, actor: { email: string }): Promise<ApiPromoter> {
  const { promoterId } = await createPromoter(accountId, input, actor);
  const promoter = await getPromoter(accountId, promoterId);
  if (!promoter) throw new Error(`Promoter ${promoterId} vanished after creation`);
  return serializePromoter(promoter);
}
