"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resendLinkAction } from "@/app/(dashboard)/applications/actions";
import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";

/** Sends an approved applicant a fresh 24-hour link as a custom message, and says how it went. */
export function ResendLinkButton({ accountId, applicationId }: { accountId: string; applicationId: string }) {
  const { t, locale } = useI18n();
  const a = t.enrol.applications;
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const resend = () =>
    startTransition(async () => {
      const outcome = await resendLinkAction(accountId, applicationId);
      setResult(outcome.ok ? a.sent : format(a.sendFailed, { errcode: outcome.errcode, hint: locale === "en" ? outcome.hint.en : outcome.hint.zh }));
      router.refresh();
    });
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button type="button" onClick={resend} disabled={pending} className="text-sm text-brand-700 underline disabled:opacity-60">{pending ? a.working : a.resend}</button>
      {result ? <span role="status" className="text-xs text-slate-600">{result}</span> : null}
    </span>
  );
}
