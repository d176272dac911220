"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteTagMappingAction, retryTagsAction, tagExistingAction } from "@/app/(dashboard)/tags/actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";
import { tagErrorHint } from "@/lib/tags/tag-hints";

/** One mapping's buttons: tag its existing followers, retry its failures, delete it (in WeChat too). */
export function TagMappingActions({ id, name, failed }: { id: string; name: string; failed: number }) {
  const { t, locale } = useI18n();
  const g = t.tags;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const run = (work: () => Promise<unknown>) => start(async () => { await work(); router.refresh(); });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="tag-existing"
        onClick={() => run(async () => setNote(format(g.tagExistingDone, { count: await tagExistingAction(id) }, locale)))}>
        {g.tagExisting}
      </Button>
      {failed ? (
        <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="tag-retry-all" onClick={() => run(() => retryTagsAction(id))}>
          {g.retryAll}
        </Button>
      ) : null}
      <ConfirmButton label={g.delete} question={format(g.deleteConfirm, { name })} testId="tag-delete" onConfirm={async () => {
        const result = await deleteTagMappingAction(id);
        if (!result.ok) setNote(format(g.errors.wechat, { errcode: result.wechat.errcode, hint: tagErrorHint(result.wechat.errcode, result.wechat.errmsg)[locale === "en" ? "en" : "zh"] }, locale));
        router.refresh();
      }} />
      {note ? <p role="status" className="w-full text-xs text-slate-600" data-testid="tag-action-note">{note}</p> : null}
    </div>
  );
}
