"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { createSelfServiceLinkAction, rotateSelfServiceLinkAction, setSelfServiceEnabledAction } from "@/app/(dashboard)/promoters/[id]/self-service-actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { CopyButton } from "@/components/copy-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export type PrivateLinkPanelProps = {
  promoterId: string;
  /** The full private URL (origin + /p/<token>), or null before the first link is created. */
  url: string | null;
  enabled: boolean;
  promoterActive: boolean;
  /** Whether the viewer may create, replace, disable or enable the link (the "write" permission). */
  canManage: boolean;
};

/** The promoter detail page's section for the promoter's private self-service link. */
export function PrivateLinkPanel({ promoterId, url, enabled, promoterActive, canManage }: PrivateLinkPanelProps) {
  const { t } = useI18n();
  const s = t.admin.selfService;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<void>) => startTransition(async () => { await action(); router.refresh(); });

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="private-link-title" data-testid="private-link-panel">
      <h2 id="private-link-title" className="font-medium">{s.title}</h2>
      <p className="mt-1 text-xs text-slate-500">{s.intro}</p>
      {url ? (
        <div className="mt-3 space-y-3">
          <div className="flex items-center gap-2">
            <span className="sr-only">{s.link}</span>
            <code data-testid="private-link-url" className={`min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1.5 text-sm ${enabled ? "" : "text-slate-400 line-through"}`}>{url}</code>
            <CopyButton value={url} label={s.copy} copiedLabel={s.copied} />
            <a href={url} target="_blank" rel="noreferrer noopener" className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-50">{s.open}</a>
          </div>
          {!enabled ? <p role="status" data-testid="private-link-disabled" className="text-sm text-amber-700">{s.disabled}</p> : null}
          {!promoterActive ? <p role="status" className="text-sm text-amber-700">{s.inactive}</p> : null}
          {canManage ? (
            <div className="flex flex-wrap items-center gap-2">
              <ConfirmButton label={s.rotate} question={s.confirmRotate} disabled={pending} testId="private-link-rotate" onConfirm={async () => { await rotateSelfServiceLinkAction(promoterId); router.refresh(); }} />
              <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="private-link-toggle" onClick={() => run(() => setSelfServiceEnabledAction(promoterId, !enabled))}>
                {enabled ? s.disable : s.enable}
              </Button>
            </div>
          ) : null}
        </div>
      ) : (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-slate-500">{s.none}</p>
          {canManage ? <Button type="button" disabled={pending} data-testid="private-link-create" onClick={() => run(() => createSelfServiceLinkAction(promoterId))}>{s.create}</Button> : null}
        </div>
      )}
    </section>
  );
}
