import Link from "next/link";
import type { CampaignMetric } from "@/lib/campaigns/campaign-query";
import type { CampaignBoardRow } from "@/lib/campaigns/get-campaign-board";
import { format, type Dictionary } from "@/lib/i18n/locales";

const SORTABLE: CampaignMetric[] = ["newFollowers", "qualified", "refollows", "scans", "unfollows", "net"];

type Props = { rows: CampaignBoardRow[]; sort: CampaignMetric; t: Dictionary; locale: string; sortHref: (metric: CampaignMetric) => string; qualifyDays: number };

/** The campaign leaderboard: the window's figures per promoter, and apart, what came outside it. */
export function CampaignBoardTable({ rows, sort, t, locale, sortHref, qualifyDays }: Props) {
  const c = t.campaigns.columns;
  const n = (v: number) => v.toLocaleString(locale);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="campaign-board">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">{c.rank}</th>
            <th className="px-3 py-2">{c.promoter}</th>
            {SORTABLE.map((metric) => (
              <th key={metric} className="px-3 py-2 text-right" aria-sort={metric === sort ? "descending" : undefined}>
                <Link href={sortHref(metric)} className={metric === sort ? "font-semibold text-brand-700" : "hover:underline"}>{c[metric]}</Link>
              </th>
            ))}
            <th className="border-l border-slate-200 px-3 py-2 text-right text-slate-500">{c.outside}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.promoterId} data-testid="campaign-row" data-promoter={r.name}>
              <td className="px-3 py-2 tabular-nums">{r.rank}</td>
              <td className={`px-3 py-2 font-medium ${r.active ? "" : "text-slate-400"}`}>{r.name}</td>
              {SORTABLE.map((metric) => (
                <td key={metric} className="px-3 py-2 text-right tabular-nums" data-metric={metric}>
                  {n(r[metric])}
                  {metric === "qualified" && r.qualifyPending > 0 ? (
                    <span className="ml-1 block text-xs text-amber-700" data-testid="qualify-pending" title={format(t.qualified.pendingTitle, { days: qualifyDays })}>
                      {format(t.qualified.pending, { count: r.qualifyPending })}
                    </span>
                  ) : null}
                </td>
              ))}
              <td className="border-l border-slate-200 px-3 py-2 text-right tabular-nums text-slate-500" data-metric="outside">{n(r.outsideFollows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
