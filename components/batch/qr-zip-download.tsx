"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";
import { zipProgress } from "@/lib/qr/zip/zip-progress";
import { ProgressBar } from "./progress-bar";

type State = { phase: "idle" } | { phase: "packing"; done: number; total: number } | { phase: "saved"; count: number } | { phase: "failed"; message: string };

// The server's name for the file (filename*=UTF-8''…), so the saved file keeps its Chinese name.
function fileName(disposition: string | null) {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  return encoded ? decodeURIComponent(encoded) : "qrcodes.zip";
}

/**
 * Downloads the print-resolution PNGs of all active promoters' codes, or the selected promoters', as
 * one ZIP, showing how many codes are packed while the server streams it (thousands take a while).
 */
export function QrZipDownload({ ids, campaignId, label, className }: { ids?: string[]; campaignId?: string; label?: string; className?: string }) {
  const { t, locale } = useI18n();
  const l = t.batch.links;
  const [state, setState] = useState<State>({ phase: "idle" });
  const number = (n: number) => n.toLocaleString(locale);

  async function download() {
    const query = campaignId ? `?${new URLSearchParams({ campaign: campaignId })}` : ids?.length ? `?${new URLSearchParams(ids.map((id) => ["ids", id]))}` : "";
    try {
      const response = await fetch(`/api/qrcodes/zip${query}`);
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      }
      const total = Number(response.headers.get("x-zip-entries") ?? 0);
      const progress = zipProgress();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      setState({ phase: "packing", done: 0, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        setState({ phase: "packing", done: progress.feed(value), total });
      }
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      link.download = fileName(response.headers.get("content-disposition"));
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setState({ phase: "saved", count: progress.entries });
    } catch (error) {
      setState({ phase: "failed", message: (error as Error).message });
    }
  }

  return (
    <div className="space-y-2" data-testid="qr-zip">
      <button type="button" onClick={download} disabled={state.phase === "packing"} data-testid="qr-zip-download"
        className={className ?? "inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-60"}>
        {label ?? (ids?.length ? format(l.zipSelected, { count: ids.length }, locale) : l.zipAll)}
      </button>
      {state.phase === "packing" ? (
        <ProgressBar value={state.done} max={state.total} label={l.zipAll} testId="qr-zip-progress"
          valueText={format(l.zipProgress, { done: number(state.done), total: number(state.total) }, locale)} />
      ) : null}
      {state.phase === "saved" ? <p className="text-xs text-emerald-700" role="status" data-testid="qr-zip-saved">{format(l.zipSaved, { count: number(state.count) }, locale)}</p> : null}
      {state.phase === "failed" ? <p className="text-xs text-red-700" role="alert" data-testid="qr-zip-failed">{format(l.zipFailed, { message: state.message }, locale)}</p> : null}
    </div>
  );
}
