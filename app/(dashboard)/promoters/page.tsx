import Link from "next/link";
import { PromoterBatchLinks } from "@/components/batch/promoter-batch-links";
import { NoAccount } from "@/components/no-account";
import { CreatePromoterForm } from "@/components/promoters/create-promoter-form";
import { StatusBadge } from "@/components/promoters/qr-status-badge";
import { UnmappedScenes } from "@/components/promoters/unmapped-scenes";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { getPromoterListPage, PROMOTER_PAGE_SIZE } from "@/lib/promoters/get-promoter-list-page";
import { SignalBadge } from "@/components/signals/signal-badge";
import { getSignalBadges } from "@/lib/signals/get-signal-badges";

export default async function PromotersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requireUser("read");
  const [{ t, locale }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  const p = t.promoters;
  if (!account) return <NoAccount message={p.needAccount} linkLabel={p.goToSettings} />;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const q = params.q?.slice(0, 100) ?? "";
  const { promoters, total, totals, budget, expiring, unmapped, allPromoters } = await getPromoterListPage(account.id, { q, page });
  const signals = await getSignalBadges(account.id, promoters.map((row) => row.id));
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: account.timezone });
  const pages = Math.max(1, Math.ceil(total / PROMOTER_PAGE_SIZE));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{p.title}</h1>
          <PromoterBatchLinks writable={can(user.role, "write")} />
        </div>
        <p className="mt-1 text-sm text-slate-600">{p.intro}</p>
        <p className="mt-2 text-xs text-slate-500" data-testid="permanent-budget">
          {format(t.qrcodes.budget, { used: budget.used.toLocaleString(locale), limit: budget.limit.toLocaleString(locale) })}
        </p>
        {budget.left < 1000 ? <p role="alert" className="mt-2 text-sm text-amber-700">{format(t.qrcodes.budgetLow, { left: budget.left })}</p> : null}
        {expiring > 0 ? <p role="alert" className="mt-2 text-sm text-amber-700">{format(t.qrcodes.expiringBanner, { count: expiring })}</p> : null}
      </div>
      {can(user.role, "write") ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5">
          <CreatePromoterForm />
        </section>
      ) : null}
      {unmapped.length > 0 ? (
        <UnmappedScenes scenes={unmapped} promoters={allPromoters} t={t} locale={locale} timeZone={account.timezone} writable={can(user.role, "write") && allPromoters.length > 0} />
      ) : null}
      <section className="rounded-xl border border-slate-200 bg-white">
        <form role="search" className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-4">
          <label htmlFor="promoter-search" className="sr-only">{p.searchLabel}</label>
          <input id="promoter-search" name="q" defaultValue={q} placeholder={p.searchPlaceholder} className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
          <button className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">{p.search}</button>
          <span className="text-sm text-slate-500">{format(p.total, { count: total })}</span>
        </form>
        {promoters.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-500">{q ? p.noResults : p.empty}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs text-slate-500">
                <tr>
                  <th scope="col" className="w-8 px-4 py-2"><span className="sr-only">{p.printSelected}</span></th>
                  {[p.columns.name, p.columns.phone, p.columns.scene, p.columns.qr, p.columns.status, p.columns.newFollowers, p.columns.created].map((c) => (
                    <th key={c} scope="col" className="whitespace-nowrap px-4 py-2 font-medium">{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {promoters.map((row) => (
                  <tr key={row.id} className="hover:bg-slate-50">
                    <td className="px-4 py-2">
                      <input type="checkbox" name="ids" value={row.id} form="print-selection" aria-label={format(p.select, { name: row.name })} disabled={row.qrCode?.status !== "active"} className="h-4 w-4 accent-brand-600" />
                    </td>
                    <td className="px-4 py-2 font-medium"><Link href={`/promoters/${row.id}`} className="text-brand-700 hover:underline">{row.name}</Link>{signals.badges.get(row.id) ? <SignalBadge promoterId={row.id} badge={signals.badges.get(row.id)!} thresholds={signals.thresholds} t={t} locale={locale} /> : null}</td>
                    <td className="px-4 py-2 text-slate-600">{row.phone ?? "—"}</td>
                    <td className="px-4 py-2 tabular-nums">{row.qrCode?.sceneKey ?? "—"}</td>
                    <td className="px-4 py-2">{row.qrCode ? <StatusBadge status={row.qrCode.status} label={(p.qrStatus as Record<string, string>)[row.qrCode.status] ?? row.qrCode.status} /> : "—"}</td>
                    <td className="px-4 py-2">{row.active ? p.status.active : <span className="text-slate-400">{p.status.inactive}</span>}</td>
                    <td className="px-4 py-2 tabular-nums">{totals.get(row.id)?.newFollowers ?? 0}</td>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-500">{dateFormat.format(row.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {promoters.length > 0 ? (
          <form id="print-selection" action="/print/sheet" target="_blank" className="border-t border-slate-200 p-3">
            <button className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="print-selected">{p.printSelected}</button>
            {can(user.role, "write") ? <button formAction="/promoters/links" formTarget="_self" className="ml-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="links-selected">{t.links.open}</button> : null}
          </form>
        ) : null}
        {pages > 1 ? (
          <nav className="flex justify-end gap-2 border-t border-slate-200 p-3 text-sm" aria-label="pagination">
            {Array.from({ length: pages }, (_, i) => i + 1).slice(Math.max(0, page - 5), page + 4).map((n) => (
              <Link key={n} href={`/promoters?${new URLSearchParams({ q, page: String(n) })}`} aria-current={n === page ? "page" : undefined} className={`rounded px-2.5 py-1 ${n === page ? "bg-slate-800 text-white" : "hover:bg-slate-100"}`}>{n}</Link>
            ))}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
