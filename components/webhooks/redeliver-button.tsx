"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { redeliverAction } from "@/app/(dashboard)/webhooks/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

/** Puts a delivery back in the queue (same event id and body); the worker sends it within seconds. */
export function RedeliverButton({ id }: { id: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [done, setDone] = useState(false);
  if (done) return <span role="status" className="text-xs text-slate-500">{t.webhooks.redelivered}</span>;
  return (
    <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending} data-testid="webhook-redeliver"
      onClick={() => start(async () => { await redeliverAction(id); setDone(true); router.refresh(); })}>
      {t.webhooks.redeliver}
    </Button>
  );
}
