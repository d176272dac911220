import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import { COMPARED_METRICS, type DayComparison } from "@/lib/stats/get-day-comparison";

const signed = (n: number, locale: string) => (n > 0 ? `+${n.toLocaleString(locale)}` : n.toLocaleString(locale));

/** Today's new followers, net, unfollows and scans, each beside yesterday's and the same weekday last week's. */
export function DayComparisonGrid({ data, t, locale, timezone }: { data: DayComparison; t: Dictionary["cockpit"]; locale: string; timezone: string }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5" data-testid="day-comparison">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">{t.compareTitle}</h2>
        <p className="text-xs text-slate-500">{format(t.compareHint, { timezone })} {data.days.today}</p>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {COMPARED_METRICS.map((metric) => {
          const today = data.today[metric];
          const value = (n: number) => (metric === "net" ? signed(n, locale) : n.toLocaleString(locale));
          return (
            <div key={metric} data-metric={metric}>
              <dt className="text-sm text-slate-500">{t.metrics[metric]}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`today-${metric}`}>{value(today)}</dd>
              <dd className="mt-1 text-xs text-slate-500 tabular-nums">{format(t.yesterday, { value: value(data.yesterday[metric]) })}</dd>
              <dd className="text-xs text-slate-500 tabular-nums">{format(t.lastWeek, { value: value(data.lastWeek[metric]) })}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
