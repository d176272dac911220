import Link from "next/link";
import { NoAccount } from "@/components/no-account";
import { RecomputeSignalsButton } from "@/components/signals/recompute-button";
import { signalLines } from "@/components/signals/signal-badge";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/session";
import { formatLocalTime } from "@/lib/exports/local-time";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { listFlaggedPromoters } from "@/lib/signals/list-flagged-promoters";
import { getSignalThresholds } from "@/lib/signals/signal-settings";

// 异常信号: every flagged promoter of the account with the stored evidence; nothing here changes a count.
export default async function SignalsPage() {
  const user = await requireUser("read");
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  const s = t.signals;
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const [{ flagged, computedAt, window }, thresholds, settings] = await Promise.all([
    listFlaggedPromoters(account.id),
    getSignalThresholds(account.id),
    db().signalSettings.findUnique({ where: { accountId: account.id }, select: { requestedAt: true } }),
  ]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: account.timezone });
  const th = "px-4 py-2 font-medium";
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{s.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{s.intro}</p>
        <p className="mt-1 text-xs text-slate-500" data-testid="signals-computed">
          {computedAt ? format(s.computedAt, { at: when.format(computedAt) }) : s.neverComputed}
          {window ? ` · ${format(s.card.range, { from: window.from, to: window.to })}` : null}
        </p>
      </div>
      {can(user.role, "write") ? <RecomputeSignalsButton pending={Boolean(settings?.requestedAt)} /> : null}
      <section className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        {flagged.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-500" data-testid="signals-none">{s.none}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="signals-table">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr><th className={th}>{s.columns.promoter}</th><th className={th}>{s.columns.signals}</th><th className={th}>{s.columns.worst}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {flagged.map((f) => (
                <tr key={f.promoterId} data-testid={`signal-row-${f.promoterId}`} className="align-top">
                  <td className="px-4 py-2 font-medium"><Link href={`/promoters/${f.promoterId}#signals`} className="text-brand-700 hover:underline">{f.name}</Link></td>
                  <td className="px-4 py-2">
                    <ul className="space-y-1">{signalLines(f, t, locale, thresholds).map((line) => <li key={line}>{line}</li>)}</ul>
                  </td>
                  <td className="px-4 py-2 text-xs tabular-nums text-slate-600">
                    {f.worstBursts.length ? (
                      <ul className="space-y-0.5">{f.worstBursts.map((b) => <li key={`${b.qrCodeId}-${b.at}`}>{format(s.worstMinute, { at: formatLocalTime(new Date(b.at), account.timezone).slice(0, 16), scene: b.sceneKey ?? "—", count: b.count }, locale)}</li>)}</ul>
                    ) : "—"}
                    <a href={`/api/exports/signals?promoter=${encodeURIComponent(f.promoterId)}`} className="mt-1 block text-brand-700 hover:underline">{s.card.export}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
