import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import type { DeliveryView } from "@/lib/webhooks/list-webhooks";
import { RedeliverButton } from "./redeliver-button";

const STATUS_STYLE = { delivered: "text-emerald-700", pending: "text-amber-700", failed: "text-red-700" } as Record<string, string>;

/** The delivery log, newest first: each delivery's status, last response code, attempts (expandable) and redelivery. */
export function DeliveryLog({ deliveries, t, when }: { deliveries: DeliveryView[]; t: Dictionary; when: Intl.DateTimeFormat }) {
  const w = t.webhooks;
  const c = w.columns;
  if (!deliveries.length) return <p className="p-6 text-center text-sm text-slate-600" data-testid="deliveries-empty">{w.noDeliveries}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="webhook-deliveries">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr><th className="px-3 py-2">{c.time}</th><th className="px-3 py-2">{c.event}</th><th className="px-3 py-2">{c.endpoint}</th><th className="px-3 py-2">{c.status}</th><th className="px-3 py-2">{c.code}</th><th className="px-3 py-2">{c.attempts}</th><th className="px-3 py-2">{c.actions}</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="webhook-delivery" data-status={d.status} data-type={d.type} className="align-top">
              <td className="whitespace-nowrap px-3 py-2">{when.format(new Date(d.createdAt))}</td>
              <td className="px-3 py-2">{(w.events as Record<string, string>)[d.type] ?? d.type}<div className="font-mono text-xs text-slate-400">{d.eventId}</div></td>
              <td className="max-w-56 truncate px-3 py-2" title={d.url}>{d.url}</td>
              <td className={`px-3 py-2 ${STATUS_STYLE[d.status] ?? ""}`}>
                {(w.status as Record<string, string>)[d.status] ?? d.status}
                {d.nextAttemptAt ? <div className="text-xs text-slate-500">{format(w.nextAttempt, { time: when.format(new Date(d.nextAttemptAt)) })}</div> : null}
              </td>
              <td className="px-3 py-2 font-mono" data-testid="webhook-delivery-code">{d.lastStatusCode ?? (d.attempts ? w.noAnswer : "—")}</td>
              <td className="px-3 py-2">
                {d.attempts ? (
                  <details>
                    <summary className="cursor-pointer">{d.attempts}</summary>
                    <ol className="mt-1 space-y-1 text-xs text-slate-600">
                      {d.attemptLog.map((a, i) => (
                        <li key={i}>{when.format(new Date(a.at))} · {a.statusCode ?? w.noAnswer} · {a.durationMs} ms{a.error ? ` · ${a.error}` : ""}{a.response ? <code className="block truncate text-slate-400">{a.response}</code> : null}</li>
                      ))}
                    </ol>
                  </details>
                ) : 0}
              </td>
              <td className="px-3 py-2">{d.status !== "pending" ? <RedeliverButton id={d.id} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
