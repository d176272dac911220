import Link from "next/link";
import { NoAccount } from "@/components/no-account";
import { NewRunForm } from "@/components/settlement/new-run-form";
import { PriceForm } from "@/components/settlement/price-form";
import { PriceList } from "@/components/settlement/price-list";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { listSettlementRuns } from "@/lib/settlement/get-settlement-run";
import { formatFen } from "@/lib/settlement/money";
import { listPrices } from "@/lib/settlement/save-price";
import { lastClosedDay, suggestPeriod } from "@/lib/settlement/settlement-period";

export const dynamic = "force-dynamic";

// 结算: prices per qualified follow, the account's locked runs, and a new run (preview, then lock). Admins only.
export default async function SettlementsPage() {
  await requireUser("write");
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const l = t.settlement;
  const [prices, runs, teams, campaigns] = await Promise.all([
    listPrices(account.id),
    listSettlementRuns(account.id),
    db().team.findMany({ where: { accountId: account.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().campaign.findMany({ where: { accountId: account.id }, orderBy: { startDay: "desc" }, select: { id: true, name: true } }),
  ]);
  const days = account.qualifyDays;
  const suggested = suggestPeriod(runs[0]?.toDay ?? null, days, account.timezone);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: account.timezone });
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{l.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{format(l.intro, { days }, locale)}</p>
        <p className="mt-1 text-xs text-slate-500">{format(l.timeZone, { timeZone: account.timezone })}</p>
      </div>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="prices-title">
        <h2 id="prices-title" className="font-medium">{l.pricesTitle}</h2>
        <p className="text-xs text-slate-500">{l.pricesHint}</p>
        <PriceList prices={prices} t={t} locale={locale} />
        <PriceForm teams={teams} campaigns={campaigns} />
      </section>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="new-run-title">
        <h2 id="new-run-title" className="font-medium">{l.newRunTitle}</h2>
        <p className="text-xs text-slate-500">{format(l.newRunHint, { days, lastDay: lastClosedDay(days, account.timezone) }, locale)}</p>
        <NewRunForm fromDay={suggested.fromDay} toDay={suggested.toDay} />
      </section>
      <section className="space-y-3" aria-labelledby="runs-title">
        <h2 id="runs-title" className="font-medium">{l.runsTitle}</h2>
        {runs.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="settlement-runs">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-3 py-2">#</th>
                  <th className="px-3 py-2">{l.columns.period}</th>
                  <th className="px-3 py-2 text-right">{l.columns.qualified}</th>
                  <th className="px-3 py-2 text-right">{l.columns.adjustmentAmount}</th>
                  <th className="px-3 py-2 text-right">{l.columns.total}</th>
                  <th className="px-3 py-2">{l.columns.lockedAt}</th>
                  <th className="px-3 py-2">{l.columns.lockedBy}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums">
                {runs.map((r) => (
                  <tr key={r.id} data-testid="settlement-run">
                    <td className="px-3 py-2">{r.seq}</td>
                    <td className="px-3 py-2"><Link href={`/settlements/${r.id}`} className="text-brand-700 hover:underline">{format(l.period, { fromDay: r.fromDay, toDay: r.toDay })}</Link></td>
                    <td className="px-3 py-2 text-right">{r.qualified.toLocaleString(locale)}</td>
                    <td className="px-3 py-2 text-right">{formatFen(r.adjustmentFen, locale)}</td>
                    <td className="px-3 py-2 text-right font-medium" data-testid="run-total">{formatFen(r.totalFen, locale)}</td>
                    <td className="px-3 py-2">{when.format(r.lockedAt)}</td>
                    <td className="px-3 py-2 text-slate-600">{r.createdBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600" data-testid="settlement-runs-empty">{l.noRuns}</p>
        )}
      </section>
    </div>
  );
}
