import type { Dictionary } from "../i18n/locales";
import { csvStream } from "./csv-stream";
import { downloadResponse } from "./download-response";
import type { ExportFormat } from "./export-query";
import { countLedger, ledgerPages, type LedgerRow } from "./ledger-pages";
import { formatLocalTime } from "./local-time";
import { writeXlsx, XLSX_TYPE } from "./write-xlsx";

// An .xlsx is built in memory: 200,000 rows took ~7 s and ~300 MB, too much for one request on a small server.
export const LEDGER_XLSX_MAX_ROWS = 100_000;

export class LedgerTooLargeError extends Error {
  constructor(readonly count: number, readonly limit: number) {
    super(`The ledger has ${count} rows in this range; Excel exports stop at ${limit}`);
    this.name = "LedgerTooLargeError";
  }
}

type LedgerExport = { accountId: string; timeZone: string; from: string; to: string; format: ExportFormat; t: Dictionary; maxXlsxRows?: number };

export function ledgerHeader(t: Dictionary): string[] {
  const c = t.batch.exports.columns;
  return [c.time, c.day, c.kind, c.openid, c.promoter, c.scene];
}

export function ledgerCells(row: LedgerRow, timeZone: string, t: Dictionary) {
  const kind = (t.batch.exports.kinds as Record<string, string>)[row.kind] ?? row.kind;
  return [formatLocalTime(row.occurredAt, timeZone), row.day, kind, row.follower.openid, row.promoter?.name ?? "", row.sceneKey ?? ""];
}

async function* cellPages({ accountId, timeZone, from, to, t }: LedgerExport) {
  for await (const page of ledgerPages(accountId, { from, to })) yield page.map((row) => ledgerCells(row, timeZone, t));
}

/** Every ledger row of the range: CSV streamed page by page, or .xlsx up to LEDGER_XLSX_MAX_ROWS. */
export async function exportLedger(input: LedgerExport): Promise<Response> {
  const { from, to, t } = input;
  const base = `${t.batch.exports.ledgerFile}-${from}-${to}`;
  const fallback = `ledger-${from}-${to}`;
  const header = ledgerHeader(t);
  if (input.format === "csv") return downloadResponse(csvStream(header, cellPages(input)), "text/csv; charset=utf-8", `${base}.csv`, `${fallback}.csv`);
  const max = input.maxXlsxRows ?? LEDGER_XLSX_MAX_ROWS;
  const count = await countLedger(input.accountId, { from, to });
  if (count > max) throw new LedgerTooLargeError(count, max);
  const rows: string[][] = [];
  for await (const page of cellPages(input)) {
    rows.push(...page);
    // Rows can arrive between the count and the read; the cap holds either way.
    if (rows.length > max) throw new LedgerTooLargeError(rows.length, max);
  }
  const xlsx = await writeXlsx(header, rows, { sheet: t.batch.exports.ledgerFile, columnWidths: [20, 12, 12, 32, 20, 12] });
  return downloadResponse(new Uint8Array(xlsx), XLSX_TYPE, `${base}.xlsx`, `${fallback}.xlsx`);
}
