import { NoAccount } from "@/components/no-account";
import { FailedTagList } from "@/components/tags/failed-tag-list";
import { TagMappingForm } from "@/components/tags/tag-mapping-form";
import { TagMappingList } from "@/components/tags/tag-mapping-list";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { format } from "@/lib/i18n/locales";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { listTagMappings, listTagTargets } from "@/lib/tags/list-tag-mappings";

export const dynamic = "force-dynamic";

// 自动打标签: the account's tag mappings with their queue, the 100-tag budget, and failed followers.
export default async function TagsPage() {
  const user = await requireUser();
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const g = t.tags;
  const admin = can(user.role, "write");
  const [page, targets] = await Promise.all([listTagMappings(account.id), admin ? listTagTargets(account.id) : null]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: account.timezone });
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{g.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{g.intro}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-label={g.budgetHint}>
        <p className="font-medium" data-testid="tag-budget">{format(g.budget, { used: page.budget.used, limit: page.budget.limit }, locale)}</p>
        <p className="mt-1 text-xs text-slate-500">{g.budgetHint}</p>
        {page.pausedUntil ? <p role="status" className="mt-2 text-sm text-amber-800" data-testid="tag-paused">{format(g.paused, { time: when.format(page.pausedUntil) }, locale)}</p> : null}
      </section>
      {targets ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="create-tag-title">
          <h2 id="create-tag-title" className="mb-4 font-medium">{g.create}</h2>
          <TagMappingForm targets={targets} />
        </section>
      ) : null}
      <section className="rounded-xl border border-slate-200 bg-white" aria-labelledby="tag-mappings-title">
        <h2 id="tag-mappings-title" className="border-b border-slate-100 px-4 py-3 font-medium">{g.mappings}</h2>
        <TagMappingList mappings={page.mappings} t={t} admin={admin} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white" aria-labelledby="tag-failed-title">
        <h2 id="tag-failed-title" className="border-b border-slate-100 px-4 py-3 font-medium">{g.failedTitle}</h2>
        <FailedTagList rows={page.failed} t={t} locale={locale} admin={admin} />
      </section>
    </div>
  );
}
