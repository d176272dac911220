import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";
import type { BatchFailure } from "@/lib/batch/generate-next-batch";

/** Codes WeChat refused for reasons of their own, with links to each promoter to retry there. */
export function BatchFailuresTable({ failures }: { failures: BatchFailure[] }) {
  const { t } = useI18n();
  const g = t.batch.generate;
  const c = g.failureColumns;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium text-red-700">{format(g.failuresTitle, { count: failures.length })}</h3>
      <div className="max-h-80 overflow-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm" data-testid="batch-failures">
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
            <tr>{[c.name, c.scene, c.errcode, c.errmsg].map((h) => <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {failures.map((f) => (
              <tr key={`${f.promoterId}-${f.sceneKey}`}>
                <td className="px-3 py-1.5"><a href={`/promoters/${f.promoterId}`} className="text-brand-700 hover:underline">{f.name}</a></td>
                <td className="px-3 py-1.5 font-mono text-xs">{f.sceneKey}</td>
                <td className="px-3 py-1.5 tabular-nums">{f.errcode ?? "—"}</td>
                <td className="px-3 py-1.5 text-slate-600">{f.errmsg}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
