import { existingPromoterKeys } from "./find-existing-promoters";
import { readImportFile } from "./read-import-file";
import { newImportTeams } from "./resolve-import-teams";
import { duplicateKey, validateImportRows, type ImportRow, type RejectedRow } from "./validate-import-rows";

/** `newTeams`: team names of accepted rows that do not exist yet (importing creates them). */
export type ImportPreview = { fileName: string; totalRows: number; accepted: ImportRow[]; rejected: RejectedRow[]; newTeams: string[] };

/** Reads and checks an upload without writing anything: the rows that would be created and those that would not. */
export async function previewImport(accountId: string, file: { name: string; bytes: Uint8Array }): Promise<ImportPreview> {
  const { accepted, rejected } = validateImportRows(await readImportFile(file));
  const existing = await existingPromoterKeys(accountId, accepted.map((r) => r.name));
  const fresh: ImportRow[] = [];
  for (const row of accepted) {
    if (existing.has(duplicateKey(row.name, row.phone))) rejected.push({ row: row.row, name: row.name, phone: row.phone ?? "", reasons: ["duplicate"] });
    else fresh.push(row);
  }
  rejected.sort((a, b) => a.row - b.row);
  const newTeams = await newImportTeams(accountId, fresh.map((r) => r.team));
  return { fileName: file.name.slice(0, 200), totalRows: fresh.length + rejected.length, accepted: fresh, rejected, newTeams };
}
