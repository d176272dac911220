import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import { formatFen } from "@/lib/settlement/money";

type Line = { promoterId: string; promoterName: string; teamName: string | null; follows: number; qualified: number; unitFen: number | null; amountFen: number; adjustments: number; adjustmentFen: number; totalFen: number };

/** A run's (or a preview's) lines per promoter: the period's figures, its adjustments apart, and what is due. */
export function LinesTable({ lines, t, locale, testId = "settlement-lines" }: { lines: Line[]; t: Dictionary; locale: string; testId?: string }) {
  const l = t.settlement;
  const c = l.columns;
  const num = (n: number) => n.toLocaleString(locale);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">{c.promoter}</th>
            <th className="px-3 py-2">{c.team}</th>
            <th className="px-3 py-2 text-right">{c.follows}</th>
            <th className="px-3 py-2 text-right">{c.qualified}</th>
            <th className="px-3 py-2 text-right">{c.unitPrice}</th>
            <th className="px-3 py-2 text-right">{c.amount}</th>
            <th className="px-3 py-2 text-right">{c.adjustments}</th>
            <th className="px-3 py-2 text-right">{c.total}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {lines.map((r) => (
            <tr key={r.promoterId} data-testid="settlement-line" data-promoter={r.promoterName}>
              <td className="px-3 py-2 font-medium">{r.promoterName}</td>
              <td className="px-3 py-2 text-slate-600">{r.teamName ?? "—"}</td>
              <td className="px-3 py-2 text-right">{num(r.follows)}</td>
              <td className="px-3 py-2 text-right" data-testid="line-qualified">{num(r.qualified)}</td>
              <td className="px-3 py-2 text-right">{r.unitFen === null ? (r.follows ? l.mixedPrice : "—") : formatFen(r.unitFen, locale)}</td>
              <td className="px-3 py-2 text-right">{formatFen(r.amountFen, locale)}</td>
              <td className="px-3 py-2 text-right" data-testid="line-adjustment">
                {r.adjustments ? `${formatFen(r.adjustmentFen, locale)} (${format(l.adjustmentsCount, { count: r.adjustments }, locale)})` : "—"}
              </td>
              <td className="px-3 py-2 text-right font-semibold" data-testid="line-total">{formatFen(r.totalFen, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
