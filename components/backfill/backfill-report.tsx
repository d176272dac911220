import type { Dictionary, Locale } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import type { ReconciliationReport } from "@/lib/backfill/reconcile-followers";

function Sample({ openids, t, testId }: { openids: string[]; t: Dictionary; testId: string }) {
  const b = t.backfill;
  if (!openids.length) return <p className="text-xs text-slate-500">{b.none}</p>;
  return (
    <details className="text-xs text-slate-600" data-testid={testId}>
      <summary className="cursor-pointer">{b.sample}</summary>
      <ul className="mt-1 font-mono">{openids.map((o) => <li key={o}>{o}</li>)}</ul>
    </details>
  );
}

/** The reconciliation at the end of an import: counts each way, with a sample of openids. */
export function BackfillReport({ report, t, locale }: { report: ReconciliationReport; t: Dictionary; locale: Locale }) {
  const b = t.backfill;
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="backfill-report">
      <h2 className="font-medium">{b.report}</h2>
      <div className="space-y-1">
        <p className="text-sm" data-testid="report-missed">{format(b.missed, { count: report.missedUnsubscribes.count }, locale)}</p>
        {report.missedUnsubscribes.applied === false ? <p className="text-sm text-amber-800" data-testid="report-not-applied">{b.notApplied}</p> : null}
        <Sample openids={report.missedUnsubscribes.sample} t={t} testId="report-missed-sample" />
      </div>
      <div className="space-y-1">
        <p className="text-sm" data-testid="report-reverse">{format(b.reverse, { count: report.listedButUnfollowed.count }, locale)}</p>
        <Sample openids={report.listedButUnfollowed.sample} t={t} testId="report-reverse-sample" />
      </div>
    </section>
  );
}
