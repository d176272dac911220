// RFC 4180 CSV for spreadsheet users: UTF-8 BOM (Excel then reads Chinese correctly), CRLF rows.
import { contentDisposition } from "../exports/download-response";

export type CsvCell = string | number | boolean | Date | null | undefined;

const BOM = "\uFEFF";
// A text cell starting with one of these is run as a formula by Excel and LibreOffice (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as CSV text: formula-like text is defused with a leading ', then quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM, header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return BOM + lines.join("\r\n") + "\r\n";
}

/** True when the caller asked for CSV: ?format=csv, or Accept: text/csv without ?format=json. */
export function wantsCsv(request: Request, format?: string): boolean {
  if (format) return format === "csv";
  return /\btext\/csv\b/i.test(request.headers.get("accept") ?? "");
}

/** A CSV download response. */
export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(filename),
      "cache-control": "no-store",
    },
  });
}
