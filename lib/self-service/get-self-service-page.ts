import { listPromoterSettlements } from "../settlement/list-promoter-settlements";
import { lastDays } from "../stats/day";
import { getDailyTrend } from "../stats/get-daily-trend";
import { getPromoterTotals, ZERO_TOTALS } from "../stats/get-promoter-totals";
import { findSelfServicePromoter } from "./find-self-service-promoter";
import { getLeadView } from "./get-lead-view";
import { getPromoterRank } from "./get-promoter-rank";

export const SELF_SERVICE_DAYS = 30;

/**
 * Everything the private page shows, for one promoter only: other promoters appear solely as the
 * count behind the rank, never by name, id or number — except to a team lead, who sees their own
 * team's members by name with their counts (lib/self-service/get-lead-view.ts).
 */
export async function getSelfServicePage(token: string, now = new Date()) {
  const promoter = await findSelfServicePromoter(token);
  if (!promoter) return null;
  const { accountId, id } = promoter;
  const range = lastDays(SELF_SERVICE_DAYS, promoter.account.timezone, now);
  const [recent, allTime, trend, rank, lead, settlements] = await Promise.all([
    getPromoterTotals(accountId, [id], range),
    getPromoterTotals(accountId, [id]),
    getDailyTrend(accountId, range, { promoterId: id }),
    getPromoterRank(accountId, id, range),
    getLeadView(accountId, id, range, promoter.account.timezone),
    listPromoterSettlements(id),
  ]);
  return {
    accountName: promoter.account.name,
    promoterName: promoter.name,
    hasQr: Boolean(promoter.qr),
    range,
    recent: recent.get(id) ?? ZERO_TOTALS,
    allTime: allTime.get(id) ?? ZERO_TOTALS,
    trend,
    rank,
    /** Only for a team lead: their team's totals and members. */
    lead,
    /** Settled periods and amounts (结算), the latest first. */
    settlements,
  };
}

export type SelfServicePage = NonNullable<Awaited<ReturnType<typeof getSelfServicePage>>>;
