// The rejected rows of an import as a CSV the admin can download, fix and upload again.
import { toCsv } from "../api-keys/to-csv";
import type { RejectedRow } from "./validate-import-rows";

export type ImportReportLabels = { row: string; name: string; phone: string; reason: string; reasons: Record<string, string> };

export function importReportCsv(rejected: readonly RejectedRow[], labels: ImportReportLabels): string {
  const rows = rejected.map((r) => [r.row, r.name, r.phone, r.reasons.map((key) => labels.reasons[key] ?? key).join("; ")]);
  return toCsv([labels.row, labels.name, labels.phone, labels.reason], rows);
}
