import type { Dictionary } from "../i18n/locales";
import { getLeaderboard, type LeaderboardMetric, type LeaderboardRow } from "../stats/get-leaderboard";
import { csvStream } from "./csv-stream";
import { downloadResponse } from "./download-response";
import type { ExportFormat } from "./export-query";
import { writeXlsx, XLSX_TYPE } from "./write-xlsx";

const METRICS = ["newFollowers", "refollows", "unfollows", "net", "scans"] as const;
// Columns are appended (qualified and pending came last), so existing spreadsheets keep their layout.
// Each page is one ranked query in the database; the whole board is never held at once for CSV.
export const LEADERBOARD_EXPORT_PAGE = 1000;

// Retention as a percentage with one decimal; empty when no follower is 7 days old yet (unknown, not zero).
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

type Range = { from: string; to: string };
type LeaderboardExport = { accountId: string; timeZone: string; from: string; to: string; sort: LeaderboardMetric; format: ExportFormat; t: Dictionary; teamId?: string };

export function leaderboardHeader(t: Dictionary): string[] {
  const l = t.leaderboard.columns;
  const e = t.batch.exports;
  return [l.rank, l.name, t.teams.columns.name, e.columns.scene, e.columns.active, ...METRICS.map((m) => l[m]), e.columns.retention7, e.columns.promoterId, l.qualified, t.batch.exports.columns.qualifyPending];
}

function cells(r: LeaderboardRow, t: Dictionary) {
  const e = t.batch.exports;
  return [r.rank, r.name, r.teamName ?? "", r.sceneKey ?? "", r.active ? e.active.yes : e.active.no, ...METRICS.map((m) => r[m]), percent(r.retention7), r.promoterId, r.qualified, r.qualifyPending];
}

/** The leaderboard as on the page (same range, same order), page by page, in the reader's language. */
export async function* leaderboardPages(accountId: string, timeZone: string, range: Range, sort: LeaderboardMetric, t: Dictionary, pageSize = LEADERBOARD_EXPORT_PAGE, teamId?: string) {
  for (let offset = 0; ; offset += pageSize) {
    const { rows } = await getLeaderboard(accountId, range, { sort, timeZone, teamId, limit: pageSize, offset });
    if (rows.length > 0) yield rows.map((r) => cells(r, t));
    if (rows.length < pageSize) return;
  }
}

export async function exportLeaderboard(input: LeaderboardExport): Promise<Response> {
  const { accountId, timeZone, sort, t } = input;
  const header = leaderboardHeader(t);
  const pages = leaderboardPages(accountId, timeZone, input, sort, t, LEADERBOARD_EXPORT_PAGE, input.teamId);
  const base = `${t.batch.exports.leaderboardFile}-${input.from}-${input.to}`;
  const fallback = `leaderboard-${input.from}-${input.to}`;
  if (input.format === "csv") return downloadResponse(csvStream(header, pages), "text/csv; charset=utf-8", `${base}.csv`, `${fallback}.csv`);
  const rows = [];
  for await (const page of pages) rows.push(...page);
  const xlsx = await writeXlsx(header, rows, { sheet: t.batch.exports.leaderboardFile, columnWidths: [6, 20, 16, 10, 10, 10, 10, 10, 10, 10, 14, 28, 10, 10] });
  return downloadResponse(new Uint8Array(xlsx), XLSX_TYPE, `${base}.xlsx`, `${fallback}.xlsx`);
}
