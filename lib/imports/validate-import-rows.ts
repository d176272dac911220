import { promoterSchema } from "../promoters/promoter-schema";
import { teamNameSchema } from "../teams/team-schema";
import { stripInvisible } from "../promoters/strip-invisible";
import { MAX_IMPORT_ROWS } from "./import-limits";
import { mapImportColumns } from "./map-import-columns";
import { ImportFileError } from "./import-file-error";

// Dictionary keys under `batch.import.reasons`.
export const IMPORT_REASONS = ["nameRequired", "nameLong", "phoneInvalid", "noteLong", "teamInvalid", "duplicate", "duplicateInFile", "invalid"] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

/** A row ready to become a promoter; `row` is its line number in the file (the header is line 1). */
export type ImportRow = { row: number; name: string; phone: string | null; note: string | null; team: string | null };
export type RejectedRow = { row: number; name: string; phone: string; reasons: ImportReason[] };

/** What makes two promoters the same person: the name, and the phone's digits. */
export function duplicateKey(name: string, phone: string | null | undefined): string {
  return `${name.trim()}\u0000${(phone ?? "").replace(/[^\d+]/g, "")}`;
}

// A leading ' is how spreadsheet exports (ours included) stop "+86 …" from being read as a formula.
function cleanCell(value: string | undefined): string {
  const text = (value ?? "").trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

type RowInput = { name: string; phone: string | null; note: string | null; team?: string | null };

// A team name follows the team form's rules; an empty cell means no team.
const teamCell = (team: string | null | undefined) =>
  team ? teamNameSchema.safeParse(team) : ({ success: true, data: null } as const);

/** Validates a row against the promoter and team forms' rules; reasons are the schemas' message keys. */
export function checkImportRow(row: number, input: RowInput): { ok: true; value: ImportRow } | { ok: false; rejected: RejectedRow } {
  const parsed = promoterSchema.safeParse(input);
  const team = teamCell(input.team);
  if (parsed.success && team.success) {
    return { ok: true, value: { row, name: parsed.data.name, phone: parsed.data.phone ?? null, note: parsed.data.note ?? null, team: team.data || null } };
  }
  const issues = [...(parsed.success ? [] : parsed.error.issues.map((i) => i.message)), ...(team.success ? [] : ["teamInvalid"])];
  const reasons = [...new Set(issues.map((m) => ((IMPORT_REASONS as readonly string[]).includes(m) ? (m as ImportReason) : "invalid")))];
  return { ok: false, rejected: { row, name: stripInvisible(input.name).slice(0, 100), phone: (input.phone ?? "").slice(0, 40), reasons } };
}

/**
 * Splits a sheet's cells into rows to import and rows rejected with reasons. The first non-empty row
 * is the header; blank rows are skipped; a repeat of an earlier row (same name and phone) is rejected.
 */
export function validateImportRows(cells: string[][]): { accepted: ImportRow[]; rejected: RejectedRow[] } {
  const lines = cells.map((cellsOfRow, index) => ({ line: index + 1, cells: cellsOfRow.map(cleanCell) })).filter((r) => r.cells.some(Boolean));
  if (lines.length === 0) throw new ImportFileError("noRows");
  const columns = mapImportColumns(lines[0].cells);
  if (columns.name === undefined) throw new ImportFileError("missingNameColumn");
  const data = lines.slice(1);
  if (data.length === 0) throw new ImportFileError("noRows");
  if (data.length > MAX_IMPORT_ROWS) throw new ImportFileError("tooManyRows");
  const at = (cellsOfRow: string[], index: number | undefined) => (index === undefined ? "" : (cellsOfRow[index] ?? ""));
  const seen = new Set<string>();
  const accepted: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const { line, cells: c } of data) {
    const checked = checkImportRow(line, { name: at(c, columns.name), phone: at(c, columns.phone) || null, note: at(c, columns.note) || null, team: at(c, columns.team) || null });
    if (!checked.ok) {
      rejected.push(checked.rejected);
      continue;
    }
    const key = duplicateKey(checked.value.name, checked.value.phone);
    if (seen.has(key)) rejected.push({ row: line, name: checked.value.name, phone: checked.value.phone ?? "", reasons: ["duplicateInFile"] });
    else accepted.push(checked.value);
    seen.add(key);
  }
  return { accepted, rejected };
}
