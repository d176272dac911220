import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import type { EndpointView } from "@/lib/webhooks/list-webhooks";
import { EndpointActions } from "./endpoint-actions";

/** The account's endpoints: URL, events, masked secret, queue, and each one's buttons. */
export function EndpointList({ endpoints, t }: { endpoints: EndpointView[]; t: Dictionary }) {
  const w = t.webhooks;
  if (!endpoints.length) return <p className="p-6 text-center text-sm text-slate-600" data-testid="webhooks-empty">{w.noEndpoints}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="webhook-endpoints">
      {endpoints.map((e) => (
        <li key={e.id} className="space-y-2 p-4" data-testid="webhook-endpoint">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <code className="break-all text-sm font-medium">{e.url}</code>
            <span className={`rounded-full px-2 py-0.5 text-xs ${e.enabled ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-600"}`}>{e.enabled ? w.enabled : w.disabled}</span>
            {e.description ? <span className="text-sm text-slate-500">{e.description}</span> : null}
          </div>
          <p className="text-xs text-slate-500">
            {e.events.map((type) => w.events[type]).join(" · ")} — {w.secret} <code>{e.secretHint}</code> — {format(w.queue, { pending: e.pending, failed: e.failed })}
          </p>
          <EndpointActions id={e.id} url={e.url} enabled={e.enabled} />
        </li>
      ))}
    </ul>
  );
}
