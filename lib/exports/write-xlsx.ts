import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/node";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type XlsxCell = string | number | boolean | Date | null | undefined;

/**
 * One sheet with a bold, frozen header row. Text is written as text cells, never as formulas, so a
 * cell like "=HYPERLINK(…)" is shown as typed (no defusing quote needed, unlike CSV).
 */
export async function writeXlsx(header: readonly string[], rows: readonly (readonly XlsxCell[])[], { sheet, columnWidths }: { sheet?: string; columnWidths?: number[] } = {}): Promise<Buffer> {
  const data: SheetData = [header.map((value): Cell => ({ value, fontWeight: "bold" })), ...rows.map((row) => row.map((value): Cell => value ?? null))];
  return writeXlsxFile(data, { sheet: sheet?.slice(0, 31), columns: columnWidths?.map((width) => ({ width })), stickyRowsCount: 1 }).toBuffer();
}
