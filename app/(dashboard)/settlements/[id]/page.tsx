import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccount } from "@/components/no-account";
import { LinesTable } from "@/components/settlement/lines-table";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { getSettlementRun } from "@/lib/settlement/get-settlement-run";
import { formatFen } from "@/lib/settlement/money";

export const dynamic = "force-dynamic";

// One locked settlement run: its lines per promoter and the payout sheet's exports. Admins only.
export default async function SettlementRunPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("write");
  const [{ t, locale }, { account }, { id }] = await Promise.all([getDictionary(), getActiveAccount(), params]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const run = await getSettlementRun(account.id, id);
  if (!run) notFound();
  const l = t.settlement;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: account.timezone });
  const href = (query: string) => `/api/exports/settlement?id=${encodeURIComponent(run.id)}&${query}`;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50";
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <Link href="/settlements" className="text-sm text-brand-700 hover:underline">← {l.back}</Link>
      <div>
        <h1 className="text-2xl font-semibold" data-testid="run-title">{format(l.runTitle, { seq: run.seq, fromDay: run.fromDay, toDay: run.toDay })}</h1>
        <p className="mt-1 text-sm text-slate-600">{format(l.runMeta, { lockedAt: when.format(run.lockedAt), by: run.createdBy, days: run.qualifyDays }, locale)}</p>
        <p className="mt-1 text-xs text-slate-500">{l.lockedNote}</p>
      </div>
      <p className="text-sm font-medium" data-testid="run-totals">
        {format(l.totals, { qualified: run.qualified, total: formatFen(run.totalFen, locale), adjustment: formatFen(run.adjustmentFen, locale) }, locale)}
      </p>
      <div className="flex flex-wrap gap-2">
        <a className={link} href={href("format=csv&sheet=lines")} data-testid="export-lines-csv">{l.exportCsv}</a>
        <a className={link} href={href("format=csv&sheet=evidence")} data-testid="export-evidence-csv">{l.exportEvidenceCsv}</a>
        <a className={link} href={href("format=xlsx")} data-testid="export-xlsx">{l.exportXlsx}</a>
      </div>
      {run.lines.length ? <LinesTable lines={run.lines} t={t} locale={locale} /> : <p className="text-sm text-slate-600">{l.noLines}</p>}
    </div>
  );
}
