"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeUserRoleAction, resetUserPasswordAction, setUserDisabledAction, signOutUserEverywhereAction, type UserActionResult } from "@/app/(dashboard)/users/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n/locales";
import { ConfirmButton } from "./confirm-button";
import { OneTimeSecret } from "./one-time-secret";
import { UserAccountsEditor } from "./user-accounts-editor";

export type UserRowValues = { id: string; email: string; name: string; role: string; disabled: boolean; lastLogin: string | null; allAccounts: boolean; accountIds: string[] };

/** One user with their role, status and the admin's actions; guard-railed actions are disabled with the reason. */
export function UserRow({ user, isSelf, isLastAdmin, accounts }: { user: UserRowValues; isSelf: boolean; isLastAdmin: boolean; accounts: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const u = t.admin.users;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const locked = isSelf || isLastAdmin;
  const lockReason = isSelf ? u.selfNote : isLastAdmin ? u.lastAdminNote : undefined;
  const roleLabel = user.role === "admin" ? t.roles.admin : t.roles.viewer;

  async function apply(action: Promise<UserActionResult>) {
    const result = await action;
    setError(result.ok ? null : ((u.errors as Record<string, string>)[result.error ?? ""] ?? t.errors.generic));
    if (result.ok && result.temporaryPassword) setSecret(result.temporaryPassword);
    setNotice(result.ok && result.signedOut ? format(u.signedOut, { email: user.email }) : null);
    router.refresh();
  }

  return (
    <li data-testid="user-row" data-user-email={user.email} className="space-y-3 p-4">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-center">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">
            {user.email}
            {isSelf ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{u.you}</span> : null}
          </p>
          {user.name ? <p className="truncate text-sm text-slate-500">{user.name}</p> : null}
        </div>
        <dl className="grid grid-cols-3 gap-3 text-sm lg:w-96">
          <div><dt className="text-xs text-slate-500">{u.columns.role}</dt><dd data-testid="user-role">{roleLabel}</dd></div>
          <div>
            <dt className="text-xs text-slate-500">{u.columns.status}</dt>
            <dd data-testid="user-status" className={user.disabled ? "text-red-700" : "text-brand-700"}>{user.disabled ? u.status.disabled : u.status.active}</dd>
          </div>
          <div><dt className="text-xs text-slate-500">{u.columns.lastLogin}</dt><dd className="text-slate-600">{user.lastLogin ?? u.never}</dd></div>
        </dl>
        <div className="flex flex-wrap items-center gap-2 lg:w-80 lg:justify-end" aria-label={`${u.columns.actions} ${user.email}`} role="group">
          {user.role === "admin" ? (
            <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending || locked} title={lockReason} onClick={() => startTransition(() => apply(changeUserRoleAction(user.id, "viewer")))}>{u.makeViewer}</Button>
          ) : (
            <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => startTransition(() => apply(changeUserRoleAction(user.id, "admin")))}>{u.makeAdmin}</Button>
          )}
          {user.disabled ? (
            <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={pending} onClick={() => startTransition(() => apply(setUserDisabledAction(user.id, false)))}>{u.enable}</Button>
          ) : (
            <ConfirmButton label={u.disable} question={format(u.confirmDisable, { email: user.email })} disabled={pending || locked} title={lockReason} testId="user-disable" onConfirm={() => apply(setUserDisabledAction(user.id, true))} />
          )}
          <ConfirmButton label={u.signOutEverywhere} question={format(u.confirmSignOut, { email: user.email })} disabled={pending} testId="user-sign-out-everywhere" onConfirm={() => apply(signOutUserEverywhereAction(user.id))} />
          <ConfirmButton label={u.resetPassword} question={format(u.confirmReset, { email: user.email })} disabled={pending} testId="user-reset-password" onConfirm={() => apply(resetUserPasswordAction(user.id))} />
        </div>
      </div>
      <UserAccountsEditor user={user} accounts={accounts} locked={lockReason} />
      {locked ? <p className="text-xs text-slate-500">{lockReason}</p> : null}
      {notice ? <p role="status" className="text-sm text-brand-700">{notice}</p> : null}
      {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
      {secret ? <OneTimeSecret title={format(u.tempPassword, { email: user.email })} value={secret} onDismiss={() => setSecret(null)} /> : null}
    </li>
  );
}
