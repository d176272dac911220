import { formatLocalTime } from "@/lib/exports/local-time";
import { FORWARD_OUTCOMES, REFUSAL_REASONS } from "@/lib/health/callback-kinds";
import type { HealthReport } from "@/lib/health/get-health-report";
import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";

type Props = { health: HealthReport; t: Dictionary["cockpit"]; locale: string };

const duration = (ms: number, locale: string) => (ms < 1000 ? `${ms.toLocaleString(locale)} ms` : `${(ms / 1000).toLocaleString(locale)} s`);

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

type UntrackedProps = Pick<Props, "t" | "locale"> & { callback: HealthReport["callback"]; when: (d: Date | null) => string };

/** Pushes acknowledged without storing (messages, menu clicks, job reports…), by type: proof the account's whole flow arrives. */
function UntrackedPushes({ callback, t, locale, when }: UntrackedProps) {
  if (!callback.untracked24h.length) return null;
  return (
    <>
      <h3 className="mt-5 text-sm font-medium text-slate-700">{t.untrackedTitle}</h3>
      <p className="text-xs text-slate-500">{t.untrackedHint}</p>
      <table className="mt-2 w-full text-sm" data-testid="untracked-pushes">
        <tbody>
          {callback.untracked24h.slice(0, 12).map(({ type, count, lastAt }) => (
            <tr key={type} data-type={type} className="border-t border-slate-100">
              <td className="py-1.5 font-mono text-xs text-slate-600">{type}</td>
              <td className="py-1.5 text-right tabular-nums" data-testid={`untracked-${type}`}>{count.toLocaleString(locale)}</td>
              <td className="py-1.5 pl-3 text-right text-xs text-slate-500">{format(t.refusedLatest, { time: when(lastAt) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Is WeChat reaching us: the last pushes, their counts, what was refused and why, and how fast we answered. */
export function CallbackHealthCard({ health, t, locale }: Props) {
  const { callback, pipeline, account } = health;
  const when = (d: Date | null) => (d ? formatLocalTime(d, account.timezone) : t.never);
  const latency = (ms: number | null) => (ms === null ? t.never : ms > 5000 ? t.slowerThan5s : format(t.atMost, { value: duration(ms, locale) }));
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5" data-testid="callback-health">
      <h2 className="font-medium">{t.healthTitle}</h2>
      <dl className="mt-3 grid grid-cols-2 gap-4 lg:grid-cols-3">
        <Figure label={t.lastPush} value={when(callback.lastPushAt)} testId="last-push" />
        <Figure label={t.lastAttributed} value={when(pipeline.lastAttributedAt)} testId="last-attributed" />
        <Figure label={t.ackLatency} value={`${latency(callback.ackP50Ms)} / ${latency(callback.ackP99Ms)}`} testId="ack-latency" />
        <Figure label={t.pushes1h} value={callback.pushes1h.toLocaleString(locale)} testId="pushes-1h" />
        <Figure label={t.pushes24h} value={callback.pushes24h.toLocaleString(locale)} testId="pushes-24h" />
      </dl>
      <h3 className="mt-5 text-sm font-medium text-slate-700">{t.refusedTitle}</h3>
      <table className="mt-2 w-full text-sm" data-testid="refused-pushes">
        <tbody>
          {REFUSAL_REASONS.map((reason) => {
            const { count24h, lastAt } = callback.refused[reason];
            return (
              <tr key={reason} data-reason={reason} className="border-t border-slate-100">
                <td className="py-1.5 text-slate-600">{t.reasons[reason]}</td>
                <td className={`py-1.5 text-right tabular-nums ${count24h ? "font-semibold text-red-700" : "text-slate-500"}`} data-testid={`refused-${reason}`}>
                  {count24h.toLocaleString(locale)}
                </td>
                <td className="py-1.5 pl-3 text-right text-xs text-slate-500">{lastAt ? format(t.refusedLatest, { time: when(lastAt) }) : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <UntrackedPushes callback={callback} t={t} locale={locale} when={when} />
      {FORWARD_OUTCOMES.some((o) => callback.forwarded[o].count24h > 0) ? (
        <>
          <h3 className="mt-5 text-sm font-medium text-slate-700">{t.forwardedTitle}</h3>
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm" data-testid="forwarded-pushes">
            {FORWARD_OUTCOMES.map((o) => (
              <div key={o} className="flex gap-1.5">
                <dt className="text-slate-600">{t.forwardOutcomes[o]}</dt>
                <dd className={`tabular-nums ${callback.forwarded[o].count24h && o !== "ok" && o !== "empty" ? "font-semibold text-red-700" : ""}`} data-testid={`forwarded-${o}`}>
                  {callback.forwarded[o].count24h.toLocaleString(locale)}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {callback.notStored24h > 0 ? (
        <p className="mt-2 text-sm text-amber-700">{format(t.notStored, { count: callback.notStored24h.toLocaleString(locale) }, locale)}</p>
      ) : null}
    </section>
  );
}
