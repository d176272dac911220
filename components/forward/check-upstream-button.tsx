"use client";

import { useState, useTransition } from "react";
import { checkUpstreamAction } from "@/app/(dashboard)/settings/forward-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { UpstreamCheck } from "@/lib/forward/check-upstream";
import { format } from "@/lib/i18n/locales";

/** Runs WeChat's URL check (signature + echostr) against the saved backend and shows what came back. */
export function CheckUpstreamButton({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const f = t.forward;
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<UpstreamCheck | null | undefined>(undefined);
  const text = result === null ? f.checkOff : result?.ok ? format(f.checkOk, { ms: result.ms }) : result ? format(f.checkFailed, { problem: result.problem ?? "" }) : null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => startTransition(async () => setResult(await checkUpstreamAction(accountId)))}>
        {pending ? f.checking : f.check}
      </Button>
      {text ? <span role="status" data-testid="upstream-check" className={`text-sm ${result?.ok ? "text-green-700" : "text-red-700"}`}>{text}</span> : null}
    </div>
  );
}
