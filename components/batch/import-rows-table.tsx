import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";
import type { ImportRow, RejectedRow } from "@/lib/imports/validate-import-rows";

const SHOWN = 200;

type Props = { testId: string } & ({ kind: "accepted"; rows: ImportRow[] } | { kind: "rejected"; rows: RejectedRow[] });

/** Rows of an import file with their line numbers: those to create, or those refused with the reasons. */
export function ImportRowsTable(props: Props) {
  const { t, locale } = useI18n();
  const i = t.batch.import;
  const c = i.columns;
  const shown = props.rows.slice(0, SHOWN);
  const headers = props.kind === "accepted" ? [c.row, c.name, c.phone, c.note, c.team] : [c.row, c.name, c.phone, c.reason];
  return (
    <div>
      <div className="max-h-96 overflow-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm" data-testid={props.testId}>
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
            <tr>{headers.map((h) => <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.kind === "accepted"
              ? (shown as ImportRow[]).map((r) => (
                  <tr key={r.row} data-row={r.row}>
                    <td className="px-3 py-1.5 tabular-nums text-slate-500">{r.row}</td>
                    <td className="px-3 py-1.5">{r.name}</td>
                    <td className="px-3 py-1.5 text-slate-600">{r.phone ?? "—"}</td>
                    <td className="max-w-xs truncate px-3 py-1.5 text-slate-600">{r.note ?? "—"}</td>
                    <td className="px-3 py-1.5 text-slate-600">{r.team ?? "—"}</td>
                  </tr>
                ))
              : (shown as RejectedRow[]).map((r) => (
                  <tr key={r.row} data-row={r.row}>
                    <td className="px-3 py-1.5 tabular-nums text-slate-500">{r.row}</td>
                    <td className="px-3 py-1.5">{r.name || "—"}</td>
                    <td className="px-3 py-1.5 text-slate-600">{r.phone || "—"}</td>
                    <td className="px-3 py-1.5 text-red-700" data-reasons={r.reasons.join(" ")}>{r.reasons.map((key) => i.reasons[key] ?? key).join(locale === "en" ? "; " : "；")}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
      {props.rows.length > SHOWN ? <p className="mt-1 text-xs text-slate-500">{format(i.showingFirst, { shown: SHOWN, count: props.rows.length })}</p> : null}
    </div>
  );
}
