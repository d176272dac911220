"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { switchAccountAction } from "@/app/(dashboard)/settings/actions";
import { useI18n } from "@/components/i18n-provider";

export function AccountSwitcher({ accounts, activeId }: { accounts: { id: string; name: string }[]; activeId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="block px-3 text-xs text-slate-500">
      {t.accounts.switchAccount}
      <select
        value={activeId}
        disabled={pending}
        onChange={(e) => startTransition(async () => { await switchAccountAction(e.target.value); router.refresh(); })}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800"
      >
        {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
    </label>
  );
}
