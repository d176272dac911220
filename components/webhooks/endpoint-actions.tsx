"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteWebhookAction, setWebhookEnabledAction, testWebhookAction, type PingResult } from "@/app/(dashboard)/webhooks/actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";

/** One endpoint's buttons: send a test (the answer is shown beside it), pause or enable, delete. */
export function EndpointActions({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const { t } = useI18n();
  const w = t.webhooks;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [ping, setPing] = useState<PingResult | null>(null);
  const run = (work: () => Promise<unknown>) => start(async () => { await work(); router.refresh(); });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="webhook-test"
        onClick={() => run(async () => setPing(await testWebhookAction(id)))}>
        {pending ? w.testing : w.test}
      </Button>
      <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="webhook-toggle" onClick={() => run(() => setWebhookEnabledAction(id, !enabled))}>
        {enabled ? w.disable : w.enable}
      </Button>
      <ConfirmButton label={w.delete} question={format(w.deleteConfirm, { url })} testId="webhook-delete" onConfirm={async () => { await deleteWebhookAction(id); router.refresh(); }} />
      {ping ? (
        <p role="status" data-testid="webhook-test-result" className={`w-full text-sm ${ping.ok ? "text-emerald-700" : "text-red-700"}`}>
          {ping.ok ? format(w.testOk, { status: ping.statusCode ?? 0, ms: ping.durationMs }) : format(w.testFailed, { error: ping.statusCode ? `HTTP ${ping.statusCode}` : (ping.error ?? w.noAnswer) })}
        </p>
      ) : null}
    </div>
  );
}
