import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import { formatFen } from "@/lib/settlement/money";

type Settled = { fromDay: string; toDay: string; qualified: number; adjustmentFen: number; totalFen: number };

/** The promoter's settled periods and what each paid, on their private page. */
export function SettlementCard({ settlements, t, locale }: { settlements: Settled[]; t: Dictionary; locale: string }) {
  const l = t.settlement;
  return (
    <section className="rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="sp-settlement-title" data-testid="sp-settlements">
      <h2 id="sp-settlement-title" className="mb-2 text-sm font-medium text-slate-500">{l.promoterPage.title}</h2>
      {settlements.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {settlements.map((s) => (
            <li key={`${s.fromDay}-${s.toDay}`} className="flex items-baseline justify-between gap-3 py-2" data-testid="sp-settlement">
              <span>
                <span className="block tabular-nums">{format(l.period, s)}</span>
                <span className="text-xs text-slate-500">
                  {format(l.promoterPage.line, { qualified: s.qualified }, locale)}
                  {s.adjustmentFen ? ` · ${format(l.promoterPage.adjustment, { amount: formatFen(s.adjustmentFen, locale) })}` : ""}
                </span>
              </span>
              <span className="font-semibold tabular-nums" data-testid="sp-settlement-total">{formatFen(s.totalFen, locale)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{l.promoterPage.empty}</p>
      )}
    </section>
  );
}
