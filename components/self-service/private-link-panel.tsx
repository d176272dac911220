"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createSelfServiceLinkAction, rotateSelfServiceLinkAction, setSelfServiceEnabledAction } from "@/app/(dashboard)/promoters/[id]/self-service-actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { CopyButton } from "@/components/copy-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export type PrivateLinkPanelProps = {
  promoterId: string;
  /** Whether the promoter has a private link. Its URL is never sent again: only its hash is stored. */
  hasLink: boolean;
  enabled: boolean;
  promoterActive: boolean;
  /** Whether the viewer may create, replace, disable or enable the link (the "write" permission). */
  canManage: boolean;
};

/** The promoter detail page's section for the promoter's private self-service link. */
export function PrivateLinkPanel({ promoterId, hasLink, enabled, promoterActive, canManage }: PrivateLinkPanelProps) {
  const { t } = useI18n();
  const s = t.admin.selfService;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The URL the last create or replace answered with: shown until the page is left, never again.
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = async (action: () => Promise<{ url: string | null }>) => {
    setRevealed((await action()).url);
    router.refresh();
  };
  const toggle = () => startTransition(async () => { await setSelfServiceEnabledAction(promoterId, !enabled); router.refresh(); });

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="private-link-title" data-testid="private-link-panel">
      <h2 id="private-link-title" className="font-medium">{s.title}</h2>
      <p className="mt-1 text-xs text-slate-500">{s.intro}</p>
      {hasLink || revealed ? (
        <div className="mt-3 space-y-3">
          {revealed ? (
            <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
              <div className="flex items-center gap-2">
                <span className="sr-only">{s.link}</span>
                <code data-testid="private-link-url" className="min-w-0 flex-1 select-all break-all rounded bg-white px-2 py-1.5 text-sm">{revealed}</code>
                <CopyButton value={revealed} label={s.copy} copiedLabel={s.copied} />
                <a href={revealed} target="_blank" rel="noreferrer noopener" className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-50">{s.open}</a>
              </div>
              <p className="text-xs text-amber-800">{s.shownOnce}</p>
            </div>
          ) : (
            <p data-testid="private-link-exists" className="text-sm text-slate-600">{canManage ? s.existsManage : s.exists}</p>
          )}
          {!enabled ? <p role="status" data-testid="private-link-disabled" className="text-sm text-amber-700">{s.disabled}</p> : null}
          {!promoterActive ? <p role="status" className="text-sm text-amber-700">{s.inactive}</p> : null}
          {canManage ? (
            <div className="flex flex-wrap items-center gap-2">
              <ConfirmButton label={s.rotate} question={s.confirmRotate} disabled={pending} testId="private-link-rotate" onConfirm={() => reveal(() => rotateSelfServiceLinkAction(promoterId))} />
              <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="private-link-toggle" onClick={toggle}>
                {enabled ? s.disable : s.enable}
              </Button>
            </div>
          ) : null}
        </div>
      ) : (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-slate-500">{s.none}</p>
          {canManage ? (
            <Button type="button" disabled={pending} data-testid="private-link-create" onClick={() => startTransition(() => reveal(() => createSelfServiceLinkAction(promoterId)))}>
              {s.create}
            </Button>
          ) : null}
        </div>
      )}
    </section>
  );
}
