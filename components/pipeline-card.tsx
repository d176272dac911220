import type { PipelineHealth } from "@/lib/ingest/monitor/get-pipeline-health";
import { format } from "@/lib/i18n/locales";

type Labels = { pipelineTitle: string; pipelineBacklog: string; pipelineLag: string; pipelineOk: string; pipelineLagging: string; pipelineNoData: string };

const ms = (value: number | null, none: string) => (value === null ? none : value < 1000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`);

/** The ingestion pipeline at a glance: backlog, lag, and a plain-language status. */
export function PipelineCard({ health, t, locale }: { health: PipelineHealth; t: Labels; locale: string }) {
  const lagging = health.status === "lagging";
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5" data-testid="pipeline-card">
      <h2 className="font-medium">{t.pipelineTitle}</h2>
      <dl className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-500">{t.pipelineBacklog}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums">{health.backlog.toLocaleString(locale)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t.pipelineLag}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums">
            {ms(health.lagP50Ms, t.pipelineNoData)} / {ms(health.lagP99Ms, t.pipelineNoData)}
          </dd>
        </div>
      </dl>
      <p className={`mt-3 text-sm ${lagging ? "text-amber-700" : "text-emerald-700"}`}>
        {lagging ? format(t.pipelineLagging, { seconds: health.behindSeconds.toLocaleString(locale) }) : t.pipelineOk}
      </p>
    </section>
  );
}
