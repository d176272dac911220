"use client";

import { useState, useTransition } from "react";
import { previewImportAction } from "@/app/(dashboard)/promoters/import/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";
import { MAX_IMPORT_BYTES } from "@/lib/imports/import-limits";
import type { ImportPreview } from "@/lib/imports/preview-import";

/** Picks the file and asks the server for a preview; file-level problems are shown next to the input. */
export function ImportUploadForm({ onPreview }: { onPreview: (preview: ImportPreview) => void }) {
  const { t } = useI18n();
  const i = t.batch.import;
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setError(file instanceof File && file.name ? i.fileErrors.empty : i.noFile);
    // Checked here too, so a large file is refused before it is uploaded.
    if (file.size > MAX_IMPORT_BYTES) return setError(i.fileErrors.tooLarge);
    setError(null);
    startTransition(async () => {
      try {
        const result = await previewImportAction(form);
        if (result.ok) onPreview(result.preview);
        else setError(result.error in i.fileErrors ? format(i.fileErrors[result.error], { row: result.row ?? "?" }) : t.errors.generic);
      } catch {
        setError(t.errors.generic);
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={i.title} className="flex flex-wrap items-end gap-3" data-testid="import-upload-form">
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">{i.fileLabel}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? "import-file-error" : "import-file-hint"}
          aria-invalid={error ? true : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white text-sm file:mr-3 file:rounded-l-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:text-slate-700"
        />
        {error ? (
          <p id="import-file-error" role="alert" className="text-xs text-red-600" data-testid="import-file-error">{error}</p>
        ) : (
          <p id="import-file-hint" className="text-xs text-slate-500">{i.fileHint}</p>
        )}
      </div>
      <Button type="submit" disabled={pending} data-testid="import-check">{pending ? i.checking : i.check}</Button>
    </form>
  );
}
