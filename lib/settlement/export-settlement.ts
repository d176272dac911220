import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/node";
import { csvStream } from "../exports/csv-stream";
import { downloadResponse } from "../exports/download-response";
import { formatLocalTime } from "../exports/local-time";
import { XLSX_TYPE } from "../exports/write-xlsx";
import { format, type Dictionary } from "../i18n/locales";
import { getSettlementRun, listSettlementItems } from "./get-settlement-run";
import { fenToYuan } from "./money";

type Run = NonNullable<Awaited<ReturnType<typeof getSettlementRun>>>;
type Cells = (string | number | null)[];
export type SettlementSheet = "lines" | "evidence";

// The payout sheet: one line per promoter, amounts in yuan with two decimals.
function lineSheet(run: Run, t: Dictionary) {
  const c = t.settlement.columns;
  const header = [c.period, c.promoter, c.team, c.follows, c.qualified, c.unitPrice, c.amount, c.adjustments, c.adjustmentAmount, c.total, c.promoterId];
  const period = `${run.fromDay}~${run.toDay}`;
  const rows: Cells[] = run.lines.map((l) => [period, l.promoterName, l.teamName, l.follows, l.qualified, l.unitFen === null ? null : fenToYuan(l.unitFen), fenToYuan(l.amountFen), l.adjustments, fenToYuan(l.adjustmentFen), fenToYuan(l.totalFen), l.promoterId]);
  return { header, rows };
}

// The follower-level evidence behind each line, promoter by promoter (the line order), read page by page.
function evidenceSheet(run: Run, t: Dictionary, timeZone: string) {
  const l = t.settlement;
  const c = l.columns;
  const header = [c.promoter, c.openid, c.scene, c.day, c.followedAt, c.unfollowedAt, c.qualified, c.reason, c.unitPrice, c.amount, c.adjustment, c.promoterId];
  async function* pages(): AsyncGenerator<Cells[]> {
    for (const line of run.lines) {
      const items = await listSettlementItems(run.id, line.promoterId);
      yield items.map((i) => [
        line.promoterName, i.openid, i.sceneKey, i.day, formatLocalTime(i.followedAt, timeZone), i.unfollowedAt ? formatLocalTime(i.unfollowedAt, timeZone) : null,
        i.qualified ? l.yes : l.no, format(l.reasons[i.reason as keyof typeof l.reasons] ?? i.reason, { days: run.qualifyDays }), fenToYuan(i.unitFen), fenToYuan(i.amountFen), i.adjustment ? l.yes : l.no, line.promoterId,
      ]);
    }
  }
  return { header, pages };
}

const fileBase = (run: Run) => `settlement-${run.seq}-${run.fromDay}-${run.toDay}`;

/** A run's payout sheet or its evidence as CSV, in the reader's language. */
export function exportSettlementCsv(run: Run, sheet: SettlementSheet, t: Dictionary, timeZone: string): Response {
  const name = `${fileBase(run)}${sheet === "evidence" ? "-evidence" : ""}.csv`;
  if (sheet === "lines") {
    const { header, rows } = lineSheet(run, t);
    return downloadResponse(csvStream(header, (async function* () { yield rows; })()), "text/csv; charset=utf-8", `${t.settlement.sheetLines}-${name}`, name);
  }
  const { header, pages } = evidenceSheet(run, t, timeZone);
  return downloadResponse(csvStream(header, pages()), "text/csv; charset=utf-8", `${t.settlement.sheetEvidence}-${name}`, name);
}

/** A run as one .xlsx: the payout sheet, then the follower evidence on a second sheet. */
export async function exportSettlementXlsx(run: Run, t: Dictionary, timeZone: string): Promise<Response> {
  const lines = lineSheet(run, t);
  const evidence = evidenceSheet(run, t, timeZone);
  const evidenceRows: Cells[] = [];
  for await (const page of evidence.pages()) evidenceRows.push(...page);
  const data = (header: string[], rows: Cells[]): SheetData => [header.map((value): Cell => ({ value, fontWeight: "bold" })), ...rows.map((row) => row.map((value): Cell => value ?? null))];
  const buffer = await writeXlsxFile([
    { data: data(lines.header, lines.rows), sheet: t.settlement.sheetLines.slice(0, 31), stickyRowsCount: 1 },
    { data: data(evidence.header, evidenceRows), sheet: t.settlement.sheetEvidence.slice(0, 31), stickyRowsCount: 1 },
  ]).toBuffer();
  const name = `${fileBase(run)}.xlsx`;
  return downloadResponse(new Uint8Array(buffer), XLSX_TYPE, `${t.settlement.title}-${name}`, name);
}
