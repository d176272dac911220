import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export const dynamic = "force-dynamic";

// Outside the dashboard layout: a user on a temporary password is sent here by every other page.
export default async function ChangePasswordPage() {
  const [user, { t }] = await Promise.all([requireUser("read", { passwordChange: true }), getDictionary()]);
  const a = t.account;
  return (
    <AuthCard title={a.title} intro={user.mustChangePassword ? undefined : a.intro}>
      {user.mustChangePassword ? <p role="status" data-testid="must-change-password" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{a.mustChange}</p> : null}
      <ChangePasswordForm email={user.email} />
      <section className="mt-6 space-y-2 border-t border-slate-100 pt-4" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title" className="text-sm font-medium">{a.everywhereTitle}</h2>
        <p className="text-xs text-slate-500">{a.everywhereIntro}</p>
        <SignOutEverywhereButton />
      </section>
      {user.mustChangePassword ? null : <Link href="/" className="mt-4 block text-sm text-brand-700 hover:underline">{a.back}</Link>}
    </AuthCard>
  );
}
