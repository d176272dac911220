import { toCsv } from "../api-keys/to-csv";
import { writeXlsx, XLSX_TYPE } from "../exports/write-xlsx";

export type TemplateHeaders = { name: string; phone: string; note: string; team: string };

/** An empty promoter list with the columns the importer reads, as CSV or .xlsx. */
export async function importTemplate(format: "csv" | "xlsx", headers: TemplateHeaders): Promise<{ body: string | Uint8Array<ArrayBuffer>; contentType: string }> {
  const header = [headers.name, headers.phone, headers.note, headers.team];
  if (format === "csv") return { body: toCsv(header, []), contentType: "text/csv; charset=utf-8" };
  return { body: new Uint8Array(await writeXlsx(header, [], { columnWidths: [16, 20, 40, 16] })), contentType: XLSX_TYPE };
}
