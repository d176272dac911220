import { format, type Dictionary } from "@/lib/i18n/locales";
import { getPromoterQualified } from "@/lib/qualified/get-promoter-qualified";

/** The promoter page's 有效关注 figure: final count, with the new followers whose N days have not passed as pending. */
export async function PromoterQualifiedStat({ account, promoterId, t }: { account: { id: string; timezone: string; qualifyDays: number }; promoterId: string; t: Dictionary }) {
  const { qualified, pending } = await getPromoterQualified(account, promoterId);
  return (
    <p className="mt-3 text-sm text-slate-700">
      {t.qualified.promoterStat}: <span className="font-semibold tabular-nums" data-testid="stat-qualified">{qualified}</span>
      {pending > 0 ? <span className="ml-2 text-amber-700" data-testid="stat-qualify-pending" title={format(t.qualified.pendingTitle, { days: account.qualifyDays })}>{format(t.qualified.pending, { count: pending })}</span> : null}
    </p>
  );
}
