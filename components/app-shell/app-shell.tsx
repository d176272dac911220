import Link from "next/link";
import { Logo } from "@/components/auth/auth-card";
import { LocaleSwitch } from "@/components/locale-switch";
import { getActiveAccount } from "@/lib/accounts/active-account";
import type { CurrentUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { AccountSwitcher } from "./account-switcher";
import { MobileMenu } from "./mobile-menu";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** The dashboard frame: a sidebar on large screens, a top bar with a menu on phones. */
export async function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const [{ t }, { accounts, account: active }] = await Promise.all([getDictionary(), getActiveAccount()]);
  const switcher =
    accounts.length > 1 && active ? <AccountSwitcher accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} activeId={active.id} /> : null;
  const roleLabel = user.role === "admin" ? t.roles.admin : t.roles.viewer;
  // The menu hides what requireUser would refuse: user management needs every account.
  const menuRole = user.allAccounts === false && user.role === "admin" ? "admin-limited" : user.role;
  const account = (
    <div className="space-y-2">
      {switcher}
      <p className="px-3 text-xs text-slate-500">
        {t.nav.signedInAs}
        <span className="block truncate text-sm text-slate-800" data-testid="current-user">{user.email}</span>
        <span className="text-xs text-slate-500">{roleLabel}</span>
      </p>
      <Link href="/account/password" data-testid="change-password-link" className="block rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">{t.account.link}</Link>
      <SignOutButton />
    </div>
  );
  return (
    <div className="min-h-screen lg:flex">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white lg:flex">
        <div className="flex h-14 items-center px-4"><Logo /></div>
        <nav aria-label={t.nav.sectionMain} className="flex-1 px-2 py-3">
          <p className="px-3 pb-2 text-xs font-medium uppercase tracking-wide text-slate-400">{t.nav.sectionMain}</p>
          <NavLinks role={menuRole} />
        </nav>
        <div className="border-t border-slate-200 p-2">
          <div className="px-3 pb-2"><LocaleSwitch /></div>
          {account}
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="relative flex h-14 items-center justify-between border-b border-slate-200 bg-white px-4 lg:hidden">
          <Logo />
          <div className="flex items-center gap-2">
            <LocaleSwitch />
            <MobileMenu role={menuRole} footer={account} />
          </div>
        </header>
        <main className="flex-1 px-4 py-6 sm:px-8">{children}</main>
      </div>
    </div>
  );
}
