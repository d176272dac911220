import type { Dictionary } from "../i18n/locales";
import { toCsv } from "../api-keys/to-csv";
import { getLeaderboard, type LeaderboardMetric } from "../stats/get-leaderboard";
import { downloadResponse } from "./download-response";
import type { ExportFormat } from "./export-query";
import { writeXlsx, XLSX_TYPE } from "./write-xlsx";

const METRICS = ["newFollowers", "refollows", "unfollows", "net", "scans"] as const;

// Retention as a percentage with one decimal; empty when no follower is 7 days old yet (unknown, not zero).
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The leaderboard as on the page (same range, same order), with headers in the reader's language. */
export async function leaderboardTable(accountId: string, timeZone: string, range: { from: string; to: string }, sort: LeaderboardMetric, t: Dictionary) {
  const rows = await getLeaderboard(accountId, range, sort, timeZone);
  const l = t.leaderboard.columns;
  const e = t.batch.exports;
  const header = [l.rank, l.name, e.columns.scene, e.columns.active, ...METRICS.map((m) => l[m]), e.columns.retention7, e.columns.promoterId];
  const cells = rows.map((r) => [r.rank, r.name, r.sceneKey ?? "", r.active ? e.active.yes : e.active.no, ...METRICS.map((m) => r[m]), percent(r.retention7), r.promoterId]);
  return { header, rows: cells };
}

type LeaderboardExport = { accountId: string; timeZone: string; from: string; to: string; sort: LeaderboardMetric; format: ExportFormat; t: Dictionary };

export async function exportLeaderboard(input: LeaderboardExport): Promise<Response> {
  const { header, rows } = await leaderboardTable(input.accountId, input.timeZone, input, input.sort, input.t);
  const base = `${input.t.batch.exports.leaderboardFile}-${input.from}-${input.to}`;
  const fallback = `leaderboard-${input.from}-${input.to}`;
  if (input.format === "csv") return downloadResponse(toCsv(header, rows), "text/csv; charset=utf-8", `${base}.csv`, `${fallback}.csv`);
  const xlsx = await writeXlsx(header, rows, { sheet: input.t.batch.exports.leaderboardFile, columnWidths: [6, 20, 10, 10, 10, 10, 10, 10, 10, 14, 28] });
  return downloadResponse(new Uint8Array(xlsx), XLSX_TYPE, `${base}.xlsx`, `${fallback}.xlsx`);
}
