"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { refreshQuotaAction } from "@/app/(dashboard)/actions";
import { useI18n } from "@/components/i18n-provider";

/** Asks WeChat for the quota now instead of waiting for the 10-minute cache. */
export function RefreshQuotaButton({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(async () => { await refreshQuotaAction(accountId); router.refresh(); })}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-60"
    >
      {pending ? t.cockpit.quotaRefreshing : t.cockpit.quotaRefresh}
    </button>
  );
}
