import { deletePriceAction } from "@/app/(dashboard)/settlements/actions";
import type { Dictionary } from "@/lib/i18n/locales";
import { formatFen } from "@/lib/settlement/money";
import type { PriceRow } from "@/lib/settlement/save-price";

/** The account's prices, each with a remove button (a server action form: works without JavaScript). */
export function PriceList({ prices, t, locale }: { prices: PriceRow[]; t: Dictionary; locale: string }) {
  const l = t.settlement;
  if (!prices.length) return <p className="text-sm text-slate-600" data-testid="prices-empty">{l.noPrices}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="price-list">
      {prices.map((p) => (
        <li key={p.id} className="flex items-center justify-between px-3 py-2 text-sm" data-testid="price-item" data-scope={p.scope}>
          <span>
            <span className="text-slate-500">{l.scope[p.scope]}</span>
            {p.name ? <span className="ml-2 font-medium">{p.name}</span> : null}
          </span>
          <span className="flex items-center gap-3">
            <span className="font-semibold tabular-nums" data-testid="price-value">{formatFen(p.priceFen, locale)}</span>
            <form action={deletePriceAction.bind(null, p.id)}>
              <button type="submit" className="text-xs text-red-700 hover:underline">{l.removePrice}</button>
            </form>
          </span>
        </li>
      ))}
    </ul>
  );
}
