"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteMediaAction, uploadImageAction, type MediaResult } from "@/app/(dashboard)/settings/media-actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";

export type LibraryRow = { id: string; mediaId: string; fileName: string; size: number; createdAt: string };

/** Upload (JPG/PNG ≤ 10 MB, sent to WeChat as a permanent image), list and delete the account's images. */
export function MediaLibrary({ accountId, rows, canEdit }: { accountId: string; rows: LibraryRow[]; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const m = t.media;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const describe = (result: MediaResult): string => {
    if (result.ok) return m.uploaded;
    if (result.wechat) return format(m.errors.wechat, { errcode: result.wechat.errcode, hint: locale === "en" ? result.wechat.hint.en : result.wechat.hint.zh });
    return format((m.errors as Record<string, string>)[result.problem ?? ""] ?? t.errors.generic, { uses: result.uses ?? 0 }, locale);
  };
  function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    startTransition(async () => {
      const result = await uploadImageAction(accountId, form);
      setOutcome({ ok: result.ok, text: describe(result) });
      if (!result.ok) return;
      element.reset();
      router.refresh();
    });
  }
  async function remove(id: string) {
    const result = await deleteMediaAction(accountId, id);
    setOutcome(result.ok ? null : { ok: false, text: describe(result) });
    router.refresh();
  }
  return (
    <div className="space-y-4">
      {canEdit ? (
        <form onSubmit={upload} className="flex flex-wrap items-end gap-3" aria-label={m.upload}>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{m.file}</span>
            <input type="file" name="file" accept="image/jpeg,image/png" required className="mt-1 block text-sm" data-testid="media-file" />
          </label>
          <Button type="submit" disabled={pending} data-testid="media-upload">{pending ? m.uploading : m.upload}</Button>
        </form>
      ) : null}
      {outcome ? <p role={outcome.ok ? "status" : "alert"} data-testid="media-outcome" className={`text-sm ${outcome.ok ? "text-emerald-700" : "text-red-700"}`}>{outcome.text}</p> : null}
      {rows.length ? (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="media-list">
          {rows.map((row) => (
            <li key={row.id} className="flex gap-3 rounded-lg border border-slate-200 p-2" data-testid="media-item" data-media-id={row.mediaId}>
              {/* eslint-disable-next-line @next/next/no-img-element -- served from the database by /api/media */}
              <img src={`/api/media/${row.id}`} alt={row.fileName} className="h-16 w-16 rounded object-cover" />
              <div className="min-w-0 flex-1 text-xs">
                <p className="truncate text-sm font-medium">{row.fileName}</p>
                <p className="truncate font-mono text-slate-500" title={row.mediaId}>{row.mediaId}</p>
                <p className="text-slate-500">{format(m.size, { size: Math.ceil(row.size / 1024).toLocaleString(locale) })} · {new Date(row.createdAt).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })}</p>
                {canEdit ? <div className="mt-1"><ConfirmButton label={m.delete} question={format(m.deleteConfirm, { name: row.fileName })} onConfirm={() => remove(row.id)} testId="media-delete" /></div> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{m.empty}</p>
      )}
    </div>
  );
}
