"use client";

import { CopyButton } from "@/components/copy-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

/** A secret shown once (temporary password, API key): copy button, warning, and a dismiss button. */
export function OneTimeSecret({ title, value, onDismiss, children }: { title: string; value: string; onDismiss: () => void; children?: React.ReactNode }) {
  const { t } = useI18n();
  const s = t.admin.secret;
  return (
    <section role="status" aria-label={title} data-testid="one-time-secret" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 className="text-sm font-medium text-amber-900">{title}</h3>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="one-time-secret-value" className="min-w-0 flex-1 select-all break-all rounded bg-white px-2 py-1.5 font-mono text-sm">{value}</code>
        <CopyButton value={value} label={s.copy} copiedLabel={s.copied} />
      </div>
      <p className="text-xs text-amber-800">{s.once}</p>
      {children}
      <Button type="button" variant="secondary" onClick={onDismiss}>{s.dismiss}</Button>
    </section>
  );
}
