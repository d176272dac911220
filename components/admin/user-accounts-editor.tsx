"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setUserAccountsAction } from "@/app/(dashboard)/users/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";

type Props = {
  user: { id: string; email: string; allAccounts: boolean; accountIds: string[] };
  accounts: { id: string; name: string }[];
  locked?: string; // why the admin may not limit this user (themselves, the last full admin)
};

/** Which Official Accounts a user may see: all of them, or the ones ticked here. */
export function UserAccountsEditor({ user, accounts, locked }: Props) {
  const { t } = useI18n();
  const u = t.admin.users;
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [all, setAll] = useState(user.allAccounts);
  const [chosen, setChosen] = useState(new Set(user.accountIds));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const names = accounts.filter((a) => user.accountIds.includes(a.id)).map((a) => a.name);
  const summary = user.allAccounts ? u.accounts.all : format(u.accounts.some, { count: String(names.length), names: names.join("、") });

  function save() {
    startTransition(async () => {
      const result = await setUserAccountsAction(user.id, all, all ? [] : [...chosen]);
      if (!result.ok) return setError((u.errors as Record<string, string>)[result.error ?? ""] ?? t.errors.generic);
      setError(null);
      setEditing(false);
      router.refresh();
    });
  }

  return (
    <div className="text-sm" data-testid="user-accounts">
      <p className="text-slate-600">
        <span className="text-xs text-slate-500">{u.accounts.label}：</span>
        <span data-testid="user-accounts-summary">{summary}</span>
        {!editing && accounts.length > 0 ? (
          <button type="button" className="ml-2 text-brand-700 hover:underline" data-testid="user-accounts-edit" onClick={() => setEditing(true)}>{u.accounts.edit}</button>
        ) : null}
      </p>
      {editing ? (
        <fieldset className="mt-2 space-y-2 rounded-md border border-slate-200 p-3" aria-label={`${u.accounts.label} ${user.email}`}>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} disabled={Boolean(locked) && all} className="accent-brand-600" />
            {u.accounts.all}
          </label>
          {locked && all ? <p className="text-xs text-slate-500">{locked}</p> : null}
          {!all ? (
            <div className="flex flex-wrap gap-x-4 gap-y-1 pl-6">
              {accounts.map((a) => (
                <label key={a.id} className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={chosen.has(a.id)}
                    onChange={(e) => setChosen((prev) => { const next = new Set(prev); if (e.target.checked) next.add(a.id); else next.delete(a.id); return next; })}
                    className="accent-brand-600"
                  />
                  {a.name}
                </label>
              ))}
            </div>
          ) : null}
          {!all ? <p className="text-xs text-slate-500">{u.accounts.limitNote}</p> : null}
          {error ? <p role="alert" className="text-red-600">{error}</p> : null}
          <div className="flex gap-2">
            <Button type="button" className="px-3 py-1.5" disabled={pending} onClick={save} data-testid="user-accounts-save">{u.accounts.save}</Button>
            <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => { setEditing(false); setAll(user.allAccounts); setChosen(new Set(user.accountIds)); }}>{t.admin.confirm.cancel}</Button>
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
