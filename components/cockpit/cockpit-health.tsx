import { cache } from "react";
import { PipelineCard } from "@/components/pipeline-card";
import { getHealthReport } from "@/lib/health/get-health-report";
import type { Dictionary, Locale } from "@/lib/i18n/locales";
import { AccountLimitsCard } from "./account-limits-card";
import { CallbackHealthCard } from "./callback-health-card";
import { HealthWarnings } from "./health-warnings";

// Once per request: the warnings (top of the page) and the cards (below) stream from the same report.
const healthOf = cache((accountId: string) => getHealthReport(accountId));

type Props = { accountId: string; t: Dictionary; locale: Locale };

/** The plain-language warnings; streamed, since the quota may wait on WeChat (at most every 10 minutes). */
export async function CockpitWarnings({ accountId, t, locale }: Props) {
  const health = await healthOf(accountId);
  return health ? <HealthWarnings health={health} t={t.cockpit} locale={locale} /> : null;
}

/** Callback health, token, quota, code budget and the pipeline, from the same report. */
export async function CockpitHealthCards({ accountId, t, locale }: Props) {
  const health = await healthOf(accountId);
  if (!health) return null;
  return (
    <>
      <CallbackHealthCard health={health} t={t.cockpit} locale={locale} />
      <AccountLimitsCard accountId={accountId} health={health} t={t.cockpit} locale={locale} />
      <PipelineCard health={health.pipeline} t={t.overview} locale={locale} />
    </>
  );
}

export function HealthLoading({ label }: { label: string }) {
  return <section className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500" aria-busy="true">{label}</section>;
}
