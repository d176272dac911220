import Link from "next/link";
import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";
import { importReportCsv } from "@/lib/imports/import-report-csv";
import type { RejectedRow } from "@/lib/imports/validate-import-rows";
import { ImportRowsTable } from "./import-rows-table";

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: filename });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The outcome of an import: how many promoters were created and which rows were not, as a table and a CSV. */
export function ImportReport({ created, rejected, notice, onAgain }: { created: number; rejected: RejectedRow[]; notice: string | null; onAgain: () => void }) {
  const { t } = useI18n();
  const i = t.batch.import;
  const csv = () => importReportCsv(rejected, { row: i.columns.row, name: i.columns.name, phone: i.columns.phone, reason: i.columns.reason, reasons: i.reasons });
  return (
    <section aria-labelledby="import-done-title" className="space-y-4" data-testid="import-report">
      <div role="status">
        <h2 id="import-done-title" className="font-medium">{i.doneTitle}</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="import-report-summary" data-created={created} data-rejected={rejected.length}>
          {format(i.doneSummary, { created, rejected: rejected.length })}
        </p>
      </div>
      {notice ? <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-800">{notice}</p> : null}
      {rejected.length > 0 ? (
        <>
          <ImportRowsTable kind="rejected" rows={rejected} testId="import-report-rejected" />
          <button type="button" onClick={() => download(`${i.reportFile}.csv`, csv())} className="text-sm font-medium text-brand-700 underline" data-testid="import-report-download">
            {i.downloadReport}
          </button>
        </>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {created > 0 ? (
          <Link href="/promoters/batch" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="import-next-generate">{i.nextStep}</Link>
        ) : null}
        <button type="button" onClick={onAgain} className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50">{i.importAnother}</button>
      </div>
    </section>
  );
}
