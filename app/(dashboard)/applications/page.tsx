import Link from "next/link";
import { ApplicationHistory } from "@/components/enrol/application-history";
import { PendingApplications } from "@/components/enrol/pending-applications";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listApplications } from "@/lib/enrol/list-applications";
import { getEnrolSettings } from "@/lib/enrol/save-enrol-settings";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

// 推广者申请: followers who asked through the account to become promoters; admins approve or reject them.
export default async function ApplicationsPage() {
  const user = await requireUser("read");
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const a = t.enrol.applications;
  const [{ pending, history }, settings] = await Promise.all([listApplications(account.id), getEnrolSettings(account.id)]);
  const canEdit = can(user.role, "write");
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: account.timezone });
  const stamp = (d: Date | null) => (d ? when.format(d) : "");
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{a.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{a.intro}</p>
        {!settings.enrolKeyword ? (
          <p role="status" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-800" data-testid="enrol-off">
            {a.off} {canEdit ? <Link href="/settings" className="underline">{a.settingsLink}</Link> : null}
          </p>
        ) : null}
        {!canEdit ? <p className="mt-2 text-sm text-slate-500">{a.readOnly}</p> : null}
      </div>
      <section className="rounded-xl border border-slate-200 bg-white" aria-labelledby="pending-title">
        <h2 id="pending-title" className="flex items-center justify-between border-b border-slate-100 px-4 py-3 font-medium">
          {a.pending}
          <span className="text-sm font-normal text-slate-500" data-testid="pending-count">{format(a.count, { count: pending.length })}</span>
        </h2>
        <PendingApplications accountId={account.id} canEdit={canEdit} rows={pending.map((r) => ({ id: r.id, name: r.name, openid: r.openid, status: r.status, appliedAt: stamp(r.createdAt) }))} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white" aria-labelledby="history-title">
        <h2 id="history-title" className="border-b border-slate-100 px-4 py-3 font-medium">{a.history}</h2>
        <ApplicationHistory accountId={account.id} canEdit={canEdit} t={t} locale={locale} rows={history.map((r) => ({ ...r, appliedAt: stamp(r.createdAt), decided: stamp(r.decidedAt) }))} />
      </section>
    </div>
  );
}
