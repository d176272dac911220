"use client";

import { useRef, useState } from "react";
import { importPromotersAction } from "@/app/(dashboard)/promoters/import/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";
import type { ImportPreview } from "@/lib/imports/preview-import";
import type { RejectedRow } from "@/lib/imports/validate-import-rows";
import { ImportReport } from "./import-report";
import { ImportRowsTable } from "./import-rows-table";
import { ImportUploadForm } from "./import-upload-form";
import { ProgressBar } from "./progress-bar";

// Small chunks keep each server action short and let the bar move; the server caps a chunk at 200.
const CHUNK = 100;

type Outcome = { created: number; rejected: RejectedRow[]; notice: string | null };

/** Upload → preview (accepted and rejected rows) → confirm → chunked import with progress → report. */
export function ImportWizard() {
  const { t, locale } = useI18n();
  const i = t.batch.import;
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef(false);

  async function confirm(p: ImportPreview) {
    if (running.current) return;
    running.current = true;
    setDone(0);
    const result: Outcome = { created: 0, rejected: [...p.rejected], notice: null };
    try {
      for (let start = 0; start < p.accepted.length; start += CHUNK) {
        const chunk = await importPromotersAction(p.accepted.slice(start, start + CHUNK));
        result.created += chunk.created;
        result.rejected.push(...chunk.rejected);
        setDone(Math.min(start + CHUNK, p.accepted.length));
        if (chunk.stopped) {
          result.notice = i.budgetStopped;
          break;
        }
      }
    } catch {
      result.notice = i.failed;
    }
    running.current = false;
    result.rejected.sort((a, b) => a.row - b.row);
    setOutcome(result);
  }

  function reset() {
    setPreview(null);
    setDone(null);
    setOutcome(null);
  }

  if (outcome) return <ImportReport {...outcome} onAgain={reset} />;
  if (!preview) return <ImportUploadForm onPreview={setPreview} />;
  const importing = done !== null;
  return (
    <section aria-labelledby="import-preview-title" className="space-y-5" data-testid="import-preview">
      <div>
        <h2 id="import-preview-title" className="font-medium">{format(i.previewTitle, { file: preview.fileName })}</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="import-preview-summary" data-accepted={preview.accepted.length} data-rejected={preview.rejected.length}>
          {format(i.summary, { total: preview.totalRows, accepted: preview.accepted.length, rejected: preview.rejected.length })}
        </p>
        {preview.newTeams.length > 0 ? (
          <p className="mt-1 text-sm text-slate-700" data-testid="import-new-teams">
            {format(i.newTeams, { count: preview.newTeams.length, names: preview.newTeams.join(locale === "en" ? ", " : "、") })}
          </p>
        ) : null}
      </div>
      {importing ? (
        <div className="space-y-2">
          <p role="status" className="text-sm text-slate-700">{i.importing}</p>
          <ProgressBar value={done} max={preview.accepted.length} label={i.progressLabel} valueText={format(i.progress, { done, total: preview.accepted.length })} testId="import-progress" />
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          {preview.accepted.length > 0 ? (
            <Button type="button" onClick={() => confirm(preview)} data-testid="import-confirm">{format(i.confirm, { count: preview.accepted.length })}</Button>
          ) : (
            <p role="alert" className="text-sm text-amber-700">{i.nothingToImport}</p>
          )}
          <Button type="button" variant="secondary" onClick={reset}>{i.cancel}</Button>
        </div>
      )}
      {preview.rejected.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-red-700">{format(i.rejectedTitle, { count: preview.rejected.length })}</h3>
          <ImportRowsTable kind="rejected" rows={preview.rejected} testId="import-rejected" />
        </div>
      ) : null}
      {preview.accepted.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">{format(i.acceptedTitle, { count: preview.accepted.length })}</h3>
          <ImportRowsTable kind="accepted" rows={preview.accepted} testId="import-accepted" />
        </div>
      ) : null}
    </section>
  );
}
