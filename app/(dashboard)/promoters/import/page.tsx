import Link from "next/link";
import { ImportWizard } from "@/components/batch/import-wizard";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export default async function ImportPromotersPage() {
  await requireUser("write");
  const [{ t }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  const i = t.batch.import;
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link href="/promoters" className="text-sm text-slate-500 hover:underline">← {i.back}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{i.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{i.intro}</p>
      </div>
      <section aria-labelledby="import-format-title" className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        <h2 id="import-format-title" className="font-medium">{i.formatTitle}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-600">
          <li>{i.formatColumns}</li>
          <li>{i.formatLimits}</li>
        </ul>
        <div className="mt-3 flex flex-wrap gap-4">
          <a href="/api/exports/import-template?format=xlsx" className="font-medium text-brand-700 underline" data-testid="import-template-xlsx">{i.templateXlsx}</a>
          <a href="/api/exports/import-template?format=csv" className="font-medium text-brand-700 underline" data-testid="import-template-csv">{i.templateCsv}</a>
        </div>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <ImportWizard />
      </section>
    </div>
  );
}
