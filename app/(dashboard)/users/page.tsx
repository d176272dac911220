import { InviteUserForm } from "@/components/admin/invite-user-form";
import { UserRow } from "@/components/admin/user-row";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { DEFAULT_TIMEZONE } from "@/lib/stats/day";
import { listUsers, protectedAdminIds } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const me = await requireUser("manage-users");
  const [{ t, locale }, { account, accounts }, users] = await Promise.all([getDictionary(), getActiveAccount(), listUsers()]);
  const accountOptions = accounts.map((a) => ({ id: a.id, name: a.name }));
  const u = t.admin.users;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: account?.timezone ?? DEFAULT_TIMEZONE });
  const lastAdmins = protectedAdminIds(users);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{u.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{u.intro}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="invite-title">
        <h2 id="invite-title" className="mb-4 font-medium">{u.invite}</h2>
        <InviteUserForm />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white" aria-label={u.title}>
        <ul className="divide-y divide-slate-100" data-testid="user-list">
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={{
                id: user.id, email: user.email, name: user.name, role: user.role, disabled: Boolean(user.disabledAt),
                lastLogin: user.lastLoginAt ? when.format(user.lastLoginAt) : null,
                allAccounts: user.allAccounts, accountIds: user.accounts.map((a) => a.accountId),
              }}
              accounts={accountOptions}
              isSelf={user.id === me.id}
              isLastAdmin={lastAdmins.has(user.id)}
            />
          ))}
        </ul>
        {users.length === 1 ? <p className="border-t border-slate-100 p-4 text-sm text-slate-500" data-testid="users-alone">{u.alone}</p> : null}
      </section>
    </div>
  );
}
