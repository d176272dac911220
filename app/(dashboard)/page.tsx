import { PipelineCard } from "@/components/pipeline-card";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { getPipelineHealth } from "@/lib/ingest/monitor/get-pipeline-health";
import { getOverview } from "@/lib/stats/get-overview";

export default async function OverviewPage() {
  const user = await requireUser();
  const [{ t, locale }, stats, { account }] = await Promise.all([getDictionary(), getOverview(user), getActiveAccount()]);
  const pipeline = account ? await getPipelineHealth(account.id) : null;
  const cards = [
    { label: t.overview.statAccounts, value: stats.accounts },
    { label: t.overview.statPromoters, value: stats.promoters },
    { label: t.overview.statFollowers, value: stats.followers },
  ];
  const steps = [t.overview.stepAccount, t.overview.stepPromoters, t.overview.stepTrack];
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t.overview.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.overview.intro}</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        {cards.map((card) => (
          <div key={card.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{card.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{card.value}</dd>
          </div>
        ))}
      </dl>
      {pipeline && <PipelineCard health={pipeline} t={t.overview} locale={locale} />}
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="font-medium">{t.overview.stepsTitle}</h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm text-slate-700">
          {steps.map((step) => <li key={step}>{step}</li>)}
        </ol>
      </section>
      <p className="text-xs text-slate-400">
        {t.overview.database}: {env().databaseProvider === "sqlite" ? "SQLite" : "PostgreSQL"}
      </p>
    </div>
  );
}
