import { createPromoter } from "../promoters/create-promoter";
import { getPromoter, listPromoters, type PromoterFilter } from "../promoters/list-promoters";
import { getPromoterTotals } from "../stats/get-promoter-totals";
import { serializePromoter, type ApiPromoter } from "./serialize-promoter";

/** One page of an account's promoters, newest first, with all-time counts. */
export async function listApiPromoters(accountId: string, filter: Pick<PromoterFilter, "q" | "take" | "skip">): Promise<{ data: ApiPromoter[]; total: number }> {
  const { promoters, total } = await listPromoters(accountId, filter);
  const counts = await getPromoterTotals(accountId, promoters.map((p) => p.id));
  return { data: promoters.map((p) => serializePromoter(p, counts.get(p.id))), total };
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
