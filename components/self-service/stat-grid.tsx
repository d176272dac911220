import type { PromoterTotals } from "@/lib/stats/get-promoter-totals";

const METRICS = ["newFollowers", "net", "unfollows", "scans"] as const;

/** Four headline numbers for one period, large enough to read on a phone. */
export function StatGrid({ title, totals, labels, testIdPrefix }: { title: string; totals: PromoterTotals; labels: Record<(typeof METRICS)[number], string>; testIdPrefix: string }) {
  return (
    <section className="rounded-2xl bg-white p-4 shadow-sm" aria-label={title}>
      <h2 className="text-sm font-medium text-slate-500">{title}</h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {METRICS.map((metric) => (
          <div key={metric} className="rounded-xl bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">{labels[metric]}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`${testIdPrefix}-${metric}`}>{totals[metric].toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
