"use server";

import { z } from "zod";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { importPromoters, type ImportChunkResult } from "@/lib/imports/import-promoters";
import { previewImport, type ImportPreview } from "@/lib/imports/preview-import";
import { MAX_IMPORT_BYTES } from "@/lib/imports/import-limits";
import { ImportFileError, type ImportFileErrorCode } from "@/lib/imports/import-file-error";

export type PreviewResult = { ok: true; preview: ImportPreview } | { ok: false; error: ImportFileErrorCode; row?: number };

const uploadSchema = z.object({ file: z.instanceof(File) });

/** Reads and checks an uploaded file; nothing is written until the admin confirms. */
export async function previewImportAction(form: FormData): Promise<PreviewResult> {
  await requireUser("write");
  const parsed = uploadSchema.safeParse({ file: form.get("file") });
  if (!parsed.success || parsed.data.file.size === 0) return { ok: false, error: "empty" };
  const { file } = parsed.data;
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: "tooLarge" };
  try {
    return { ok: true, preview: await previewImport(await requireActiveAccountId(), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }) };
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, error: error.code, row: error.row };
    throw error;
  }
}

/** Creates one chunk of confirmed rows (codes stay pending); rows are validated again on the server. */
export async function importPromotersAction(rows: unknown): Promise<ImportChunkResult> {
  const user = await requireUser("write");
  return importPromoters(await requireActiveAccountId(), rows, user);
}
