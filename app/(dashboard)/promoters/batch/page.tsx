import Link from "next/link";
import { BatchGenerator } from "@/components/batch/batch-generator";
import { PrintSheetLink } from "@/components/batch/print-sheet-link";
import { QrZipDownload } from "@/components/batch/qr-zip-download";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { countCodesByStatus } from "@/lib/batch/batch-scope";
import { parseIdList } from "@/lib/batch/parse-id-list";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";

const STATS = ["pending", "failed", "generating", "active"] as const;

export default async function BatchGeneratePage({ searchParams }: { searchParams: Promise<{ ids?: string }> }) {
  await requireUser("write");
  const [{ t, locale }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  const g = t.batch.generate;
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const ids = parseIdList(params.ids);
  const counts = await countCodesByStatus(account.id, ids);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Link href="/promoters" className="text-sm text-slate-500 hover:underline">← {g.back}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{g.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{g.intro}</p>
        {ids ? <p className="mt-2 text-sm text-slate-700">{format(g.selection, { count: ids.length })}</p> : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {STATS.map((k) => (
          <div key={k} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-xs text-slate-500">{g.stats[k]}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`batch-count-${k}`}>{counts[k].toLocaleString(locale)}</dd>
          </div>
        ))}
      </dl>
      <section aria-label={g.title} className="rounded-xl border border-slate-200 bg-white p-5">
        <BatchGenerator ids={ids} />
      </section>
      {counts.active > 0 ? (
        <div className="flex flex-wrap items-start gap-3">
          <PrintSheetLink ids={ids} />
          <QrZipDownload ids={ids} />
        </div>
      ) : null}
    </div>
  );
}
