import { listUnmappedScenes } from "../attribution/credit-scene";
import { db } from "../db";
import { permanentBudget } from "./allocate-scene";
import { countExpiringSoon } from "./list-promoter-codes";
import { listPromoters } from "./list-promoters";
import { getPromoterTotals } from "../stats/get-promoter-totals";

export const PROMOTER_PAGE_SIZE = 50;

/**
 * Everything the promoters page shows for one page of an account's promoters (optionally a
 * search): the page and its count, their totals, the code budget, codes expiring soon, unmapped
 * scenes and the active promoters for the crediting form. The leaderboard benchmark times it too.
 */
export async function getPromoterListPage(accountId: string, { q, page }: { q: string; page: number }) {
  const { promoters, total } = await listPromoters(accountId, { q, take: PROMOTER_PAGE_SIZE, skip: (page - 1) * PROMOTER_PAGE_SIZE });
  const [totals, budget, expiring, unmapped, allPromoters] = await Promise.all([
    getPromoterTotals(accountId, promoters.map((x) => x.id)),
    permanentBudget(db(), accountId),
    countExpiringSoon(accountId),
    listUnmappedScenes(accountId),
    db().promoter.findMany({ where: { accountId, active: true }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 }),
  ]);
  return { promoters, total, totals, budget, expiring, unmapped, allPromoters };
}
