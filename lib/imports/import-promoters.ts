import { z } from "zod";
import { PermanentBudgetExhaustedError } from "../promoters/allocate-scene";
import { createPromoter } from "../promoters/create-promoter";
import { existingPromoterKeys } from "./find-existing-promoters";
import { ensureImportTeams } from "./resolve-import-teams";
import { checkImportRow, duplicateKey, type RejectedRow } from "./validate-import-rows";

export const IMPORT_CHUNK_MAX = 200;

// Rows come back from the browser after the preview, so every rule is checked again here.
export const importChunkSchema = z
  .array(
    z.object({
      row: z.number().int().min(1).max(1_000_000),
      name: z.string().max(1000),
      phone: z.string().max(1000).nullable(),
      note: z.string().max(5000).nullable(),
      team: z.string().max(1000).nullable().optional(),
    }),
  )
  .max(IMPORT_CHUNK_MAX);

export type ImportChunkResult = { created: number; rejected: RejectedRow[]; stopped: "budgetExhausted" | null };

/**
 * Creates promoters from previewed rows, leaving their codes pending for the batch generator (WeChat's
 * quotas make thousands of immediate qrcode/create calls a bad idea). A row whose name and phone
 * already exist is skipped as a duplicate, so sending a chunk twice creates nothing twice. A team the
 * rows name that does not exist yet is created (the preview lists them), and the promoter joins it.
 */
export async function importPromoters(accountId: string, input: unknown, actor: { email: string; id?: string | null }): Promise<ImportChunkResult> {
  const checkedRows = importChunkSchema.parse(input).map((raw) => checkImportRow(raw.row, raw));
  // Looked up by the names as they will be stored (cleaned), so a hidden character cannot dodge the check.
  const existing = await existingPromoterKeys(accountId, checkedRows.flatMap((c) => (c.ok ? [c.value.name] : [])));
  const teams = await ensureImportTeams(accountId, checkedRows.flatMap((c) => (c.ok && !existing.has(duplicateKey(c.value.name, c.value.phone)) ? [c.value.team] : [])), actor);
  const result: ImportChunkResult = { created: 0, rejected: [], stopped: null };
  for (const checked of checkedRows) {
    if (!checked.ok) {
      result.rejected.push(checked.rejected);
      continue;
    }
    const { row, name, phone, note, team } = checked.value;
    const key = duplicateKey(name, phone);
    if (existing.has(key)) {
      result.rejected.push({ row, name, phone: phone ?? "", reasons: ["duplicate"] });
      continue;
    }
    try {
      await createPromoter(accountId, { name, phone, note }, actor, { issueCode: false, teamId: team ? teams.get(team) : null });
    } catch (error) {
      if (!(error instanceof PermanentBudgetExhaustedError)) throw error;
      result.stopped = "budgetExhausted";
      break;
    }
    existing.add(key);
    result.created++;
  }
  return result;
}
